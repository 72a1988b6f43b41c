package io.fetchbox.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leadership over a folder with Camel's file-lock cluster service, one node in this JVM. */
class LeadershipWatchTest {
    @TempDir
    Path dir;

    @Test
    void aLoneNodeBecomesTheLeader() throws Exception {
        AtomicInteger forgotten = new AtomicInteger();
        LeadershipWatch leadership = new LeadershipWatch("node-a", forgotten::incrementAndGet);
        FileLockClusterService service = new FileLockClusterService();
        service.setId("node-a");
        service.setRoot(dir.toString());
        service.setAcquireLockInterval(1);
        service.setAcquireLockIntervalUnit(TimeUnit.SECONDS);
        CamelContext context = new DefaultCamelContext();
        context.addService(service);
        service.getView(LeadershipWatch.NAMESPACE).addEventListener(leadership);
        context.start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(leadership::isLeader);
            assertThat(leadership.leader()).contains("node-a");
            assertThat(forgotten).hasValue(0);
        } finally {
            context.stop();
        }
    }
}
