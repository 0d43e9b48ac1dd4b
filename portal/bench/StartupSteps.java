import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * One portal start with Spring's {@link BufferingApplicationStartup}: prints the steps that took longest, by their
 * own time (a step's duration less its children's), then stops the portal. A profiling aid for BENCHMARKS.md, not
 * part of the application. Run on the extracted jar (its manifest puts lib/ on the class path):
 *
 *   java -Djarmode=tools -jar portal/target/portal-*.jar extract --destination /tmp/px
 *   cd /tmp/somewhere && java -cp /tmp/px/portal-*.jar /path/to/portal/bench/StartupSteps.java [top]
 */
public class StartupSteps {

    public static void main(String[] args) throws Exception {
        int top = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        SpringApplication application = new SpringApplication(Class.forName("com.mcpportal.portal.PortalApplication"));
        application.setApplicationStartup(startup);
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        ConfigurableApplicationContext context = application.run();
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Long> childTime = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        record Row(String what, long selfMs, long totalMs) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, long[]> byName = new HashMap<>();
        for (TimelineEvent event : events) {
            StartupStep step = event.getStartupStep();
            long self = event.getDuration().toNanos() - childTime.getOrDefault(step.getId(), 0L);
            StringBuilder what = new StringBuilder(step.getName());
            step.getTags().forEach(tag -> what.append(' ').append(tag.getKey()).append('=').append(tag.getValue()));
            rows.add(new Row(what.toString(), self / 1_000_000, event.getDuration().toMillis()));
            byName.computeIfAbsent(step.getName(), name -> new long[2])[0] += self;
            byName.get(step.getName())[1]++;
        }
        System.out.println("\n== main thread CPU during run(): " + mainCpu / 1_000_000 + " ms; process uptime "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms; steps " + events.size());
        System.out.println("== own time by step name (ms, count)");
        byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(e -> System.out.printf("%8d %6d  %s%n", e.getValue()[0] / 1_000_000, e.getValue()[1], e.getKey()));
        System.out.println("== steps by own time (own ms, total ms)");
        rows.stream().sorted(Comparator.comparingLong(Row::selfMs).reversed()).limit(top)
                .forEach(r -> System.out.printf("%8d %8d  %s%n", r.selfMs(), r.totalMs(), r.what()));
        context.close();
        System.exit(0);
    }
}
