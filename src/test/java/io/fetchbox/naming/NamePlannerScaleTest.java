package io.fetchbox.naming;

import static io.fetchbox.naming.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fetchbox.naming.NamePlanner.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same list always gives the same names, and a big batch stays small in memory. */
class NamePlannerScaleTest {

    @ParameterizedTest
    @EnumSource(Layout.class)
    void twoPlannersOverTheSameListGiveTheSameNames(Layout layout) {
        List<NameRequest> lines = messyList(5_000);
        assertThat(planAll(layout, lines)).isEqualTo(planAll(layout, lines));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void neverGivesOneFileToTwoTargets(Layout layout) {
        List<NameRequest> lines = messyList(5_000);
        List<Plan> plans = planAll(layout, lines);
        List<String> firsts = plans.stream()
                .filter(plan -> !plan.duplicate())
                .map(plan -> plan.file().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertThat(firsts).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void keepsPerUrlStateSmall(Layout layout) {
        NamePlanner planner = new NamePlanner(layout, "big", TargetClaims.acceptAll());
        int distinct = 100_000;
        for (int i = 0; i < distinct; i++) {
            // 10 hosts, 100 files per folder
            String folder = "/files/" + (i / 100 % 100) + "/";
            planner.plan(request("https://host" + (i / 10_000) + ".example" + folder + "file-" + i + ".bin"));
        }
        long perUrl = planner.stateBytes() / distinct;
        System.out.printf("%s: %d bytes of planner state per distinct URL%n", layout, perUrl);
        assertThat(perUrl).isLessThan(120);
    }

    /** Hosts, names, out and dir drawn from small pools, so names collide and lines repeat. */
    private static List<NameRequest> messyList(int size) {
        Random random = new Random(42);
        String[] names = {"a.txt", "A.TXT", "index.html", "", "README", "a.tar.gz", "con", "a.1.txt", "docs"};
        List<NameRequest> lines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String host = "h" + random.nextInt(3) + ".example" + (random.nextBoolean() ? "" : ":8080");
            String folder = random.nextBoolean() ? "" : "docs/";
            String url =
                    "http://" + host + "/" + folder + names[random.nextInt(names.length)] + "?v=" + random.nextInt(40);
            String out = random.nextInt(5) == 0 ? names[random.nextInt(names.length)] : null;
            String dir = random.nextInt(5) == 0 ? "d" + random.nextInt(2) : null;
            lines.add(request(url, out, dir));
        }
        return lines;
    }

    private static List<Plan> planAll(Layout layout, List<NameRequest> lines) {
        NamePlanner planner = new NamePlanner(layout, "messy", TargetClaims.acceptAll());
        return lines.stream().map(planner::plan).toList();
    }
}
