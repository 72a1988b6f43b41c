package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.naming.NamePlanner.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** fetchbox.content-disposition=true: names known only when the response arrives. */
class NamePlannerLateNameTest {

    private static final String REPORT = "attachment; filename=\"report.pdf\"";

    private final NamePlanner planner = new NamePlanner(Layout.BATCH, "images", TargetClaims.acceptAll(), true);

    @Test
    void leavesTheNameOpenAtListTime() {
        assertThat(planner.plan(request("https://example.com/get?id=1"))).isEqualTo(new Plan(null, false));
    }

    @Test
    void namesTheFileFromContentDisposition() {
        NameRequest line = request("https://example.com/get?id=1");
        planner.plan(line);
        assertThat(planner.planLate(line, REPORT)).isEqualTo("images/report.pdf");
    }

    @Test
    void numbersCollidingNamesInArrivalOrder() {
        NameRequest first = request("https://example.com/get?id=1");
        NameRequest second = request("https://example.com/get?id=2");
        planner.plan(first);
        planner.plan(second);
        assertThat(planner.planLate(second, REPORT)).isEqualTo("images/report.pdf");
        assertThat(planner.planLate(first, REPORT)).isEqualTo("images/report.1.pdf");
    }

    @Test
    void fallsBackToTheUrlNameWithoutAUsableHeader() {
        NameRequest line = request("https://example.com/files/data.csv?x=1");
        planner.plan(line);
        assertThat(planner.planLate(line, null)).isEqualTo("images/data.csv");
        NameRequest other = request("https://example.com/files/data.csv?x=2");
        planner.plan(other);
        assertThat(planner.planLate(other, "attachment; filename=\"../\"")).isEqualTo("images/data.1.csv");
    }

    @Test
    void makesTheHeaderNameSafe() {
        NameRequest line = request("https://example.com/get");
        planner.plan(line);
        assertThat(planner.planLate(line, "attachment; filename=\"../../etc/cron.d/x\""))
                .isEqualTo("images/x");
    }

    @Test
    void keepsAnOutNameFromTheList() {
        NameRequest line = request("https://example.com/get", "mine.pdf", null);
        assertThat(planner.plan(line)).isEqualTo(new Plan("images/mine.pdf", false));
        assertThat(planner.planLate(line, REPORT)).isEqualTo("images/mine.pdf");
    }

    @Test
    void answersTheSameFileWhenAskedAgain() {
        NameRequest line = request("https://example.com/get");
        planner.plan(line);
        String file = planner.planLate(line, REPORT);
        assertThat(planner.planLate(line, "attachment; filename=other.pdf")).isEqualTo(file);
    }

    @Test
    void pointsADuplicateToTheFileOnceItsNameIsKnown() {
        NameRequest line = request("https://example.com/get");
        planner.plan(line);
        assertThat(planner.plan(line)).isEqualTo(new Plan(null, true));
        assertThat(planner.fileFor(line)).isNull();
        planner.planLate(line, REPORT);
        assertThat(planner.fileFor(line)).isEqualTo("images/report.pdf");
        assertThat(planner.plan(line)).isEqualTo(new Plan("images/report.pdf", true));
    }

    @Test
    void givesEveryConcurrentArrivalItsOwnName() throws Exception {
        int threads = 8;
        int perThread = 250;
        List<NameRequest> lines = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            NameRequest line = request("https://example.com/get?id=" + i);
            planner.plan(line);
            lines.add(line);
        }
        Set<String> files = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<NameRequest> mine = lines.subList(t * perThread, (t + 1) * perThread);
                done.add(pool.submit(() -> mine.forEach(line -> files.add(planner.planLate(line, REPORT)))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(files).hasSize(threads * perThread).contains("images/report.pdf", "images/report.1999.pdf");
    }

    @Test
    void answersThePlannedFileWhenNamesComeFromTheList() {
        NamePlanner fromList = new NamePlanner(Layout.FLAT, "images", TargetClaims.acceptAll());
        NameRequest line = request("https://example.com/files/a.txt");
        fromList.plan(line);
        assertThat(fromList.planLate(line, REPORT)).isEqualTo("a.txt");
    }
}
