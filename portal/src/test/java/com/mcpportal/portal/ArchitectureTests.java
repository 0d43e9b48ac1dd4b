package com.mcpportal.portal;

import java.time.Clock;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.cloud.account.CloudProviders;
import com.mcpportal.portal.jobs.QuartzJobs;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The house rules, one test each (README, "Development"): features use each other's public API (the feature's base
 * package and the subpackages named in {@link #NAMED_INTERFACES}), never its internals, and never in a cycle, not even
 * through SQL; a feature's repositories and tables are its own; only {@code cloud.aws} uses the AWS SDK and
 * only {@code cloud.image} Jib; controllers never reach a cloud; time comes from the one {@code Clock} bean.
 */
@AnalyzeClasses(packages = "com.mcpportal.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("com.mcpportal.portal.(*)..")
            .should().beFreeOfCycles();

    private static final String PORTAL = "com.mcpportal.portal.";

    /**
     * The subpackages that are part of a feature's API besides its base package (Spring Modulith's "named
     * interfaces"): cloud accounts, the image publisher and the secret cipher are used by environments and API keys;
     * environments' operations are requested by schedules, costs and API keys. Every other subpackage ({@code web},
     * {@code jobs}, {@code pricing}, {@code store} …) is internal to its feature.
     */
    static final Map<String, Set<String>> NAMED_INTERFACES = Map.of(
            "cloud", Set.of("account", "image", "secret"),
            "environment", Set.of("operation"));

    /**
     * A feature's internals are its own: classes outside a feature depend only on its base package and its named
     * interfaces, so the internals can change (and be public only for the feature's own subpackages) without
     * touching another feature.
     */
    @ArchTest
    static final ArchRule featuresUseOnlyEachOthersApi = classes().that().resideInAPackage("com.mcpportal.portal..")
            .should(useOnlyTheApiOfOtherFeatures());

    private static ArchCondition<JavaClass> useOnlyTheApiOfOtherFeatures() {
        return new ArchCondition<>("use only the base package and named interfaces of other features") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = featureOf(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (!target.startsWith(PORTAL)) {
                        continue;
                    }
                    String[] parts = target.substring(PORTAL.length()).split("\\.");
                    if (parts.length > 1 && !parts[0].equals(own)
                            && !NAMED_INTERFACES.getOrDefault(parts[0], Set.of()).contains(parts[1])) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                + ": " + parts[0] + "." + parts[1] + " is internal to feature " + parts[0]));
                    }
                }
            }
        };
    }

    private static String featureOf(String packageName) {
        return packageName.startsWith(PORTAL) ? packageName.substring(PORTAL.length()).split("\\.")[0] : "";
    }

    /** Every feature writes to the audit log, so the audit core cannot depend on any of them. */
    @ArchTest
    static final ArchRule auditDependsOnNoFeature = noClasses()
            .that().resideInAPackage("com.mcpportal.portal.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mcpportal.portal.team..",
                    "com.mcpportal.portal.user..", "com.mcpportal.portal.security..");

    /**
     * The portal carries the MCP server as a build artifact (resources it publishes as an image), never as code:
     * CarriedServerTests also checks that no class of the server is on the portal's classpath at all.
     */
    @ArchTest
    static final ArchRule theMcpServerIsNoCodeOfThePortal = noClasses()
            .that().resideInAPackage("com.mcpportal.portal..")
            .should().dependOnClassesThat().resideInAPackage("com.mcpportal.mcpserver..");

    /** Jib, and what it brings (Guava, Google's HTTP client), stays behind the image publisher. */
    @ArchTest
    static final ArchRule jibOnlyInTheImagePublisher = noClasses()
            .that().resideOutsideOfPackage("com.mcpportal.portal.cloud.image..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.cloud.tools.jib..", "com.google.common..",
                    "com.google.api.client..");

    /**
     * Only the AWS adapter uses the AWS SDK: the rest of the portal asks the cloud ports ({@code CloudProvider},
     * {@code McpMetricsSource}, {@code CloudPrices}), whose signatures carry no SDK type.
     */
    @ArchTest
    static final ArchRule awsSdkOnlyInTheAwsAdapter = noClasses()
            .that().resideOutsideOfPackage("com.mcpportal.portal.cloud.aws..")
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    /** Shared web helpers and the database bootstrap sit below every feature. */
    @ArchTest
    static final ArchRule sharedPackagesDependOnNoFeature = noClasses()
            .that().resideInAnyPackage("com.mcpportal.portal.web..", "com.mcpportal.portal.database..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mcpportal.portal.team..",
                    "com.mcpportal.portal.user..", "com.mcpportal.portal.security..", "com.mcpportal.portal.audit..");

    /**
     * Time comes from the one {@link Clock} bean, so a test fixes or moves it for the whole portal: no system clock and
     * no {@code now()} without a clock (java.time's {@code Instant}, {@code LocalDate}, {@code ZonedDateTime} …), no
     * ticking system clock ({@code Clock.tickMillis(zone)} …), {@code InstantSource.system()} or
     * {@code Calendar.getInstance()} outside {@link ClockConfiguration}. Durations are measured with {@code System.nanoTime()}.
     */
    @ArchTest
    static final ArchRule timeComesFromTheClockBean = noClasses()
            .that().doNotBelongToAnyOf(ClockConfiguration.class)
            .should().callMethodWhere(readsTheSystemClock());

    /**
     * The system's wall time in milliseconds is Quartz's (it fires triggers and writes cluster check-ins by it): read
     * only where trigger times and check-ins are compared with it, never as the portal's "now".
     */
    @ArchTest
    static final ArchRule wallTimeOnlyForTheScheduler = noClasses()
            .that().doNotBelongToAnyOf(QuartzJobs.class)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callConstructor(Date.class)
            .orShould().callConstructor(GregorianCalendar.class);

    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock (Clock.system*, Clock.tick* of a zone, "
                + "InstantSource.system(), Calendar.getInstance, now() without a Clock)", call -> {
            JavaClass ownerClass = call.getTarget().getOwner();
            String owner = ownerClass.getPackageName();
            String name = call.getTarget().getName();
            if (ownerClass.isEquivalentTo(Clock.class)) {
                // tickMillis(zone), tickSeconds(zone) … tick the system clock; tick(clock, duration) ticks the one given
                return name.startsWith("system") || name.startsWith("tick") && !name.equals("tick");
            }
            if (ownerClass.isEquivalentTo(InstantSource.class)) {
                return name.equals("system");
            }
            if (ownerClass.isAssignableTo(Calendar.class)) {
                return name.equals("getInstance");
            }
            return owner.equals("java.time") && name.equals("now")
                    && call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class));
        });
    }

    /**
     * No cycle through SQL either: a feature names only its own tables and entities in its queries (native, JPQL,
     * JdbcTemplate, {@code @Query}) and asks the owning feature for the rest; {@link FeatureTables} maps each table
     * to its owner and lists the few justified exceptions.
     */
    @ArchTest
    static void featuresQueryOnlyTheirOwnTables(JavaClasses portal) {
        classes().that().areTopLevelClasses().and().resideInAPackage("com.mcpportal.portal..")
                .should(FeatureTables.queryOnlyTheirFeaturesTables(portal)).check(portal);
    }

    /** Each table a migration creates has an owning feature, and each allowed exception is still needed. */
    @ArchTest
    static void everyTableHasAnOwnerAndEveryExceptionIsUsed(JavaClasses portal) {
        assertThat(FeatureTables.OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(
                FeatureTables.migratedTables().stream().filter(table -> !table.startsWith("qrtz_")).toList());
        FeatureTables.ALLOWED.forEach((type, tables) -> assertThat(FeatureTables.namesInSql(portal.get(type)))
                .as("tables %s reads", type).containsAll(tables));
    }

    /**
     * A feature's repositories (Spring Data interfaces and {@code @Repository} classes) are used inside that feature
     * only; other features ask its public services (e.g. {@code user.UserAccounts}, {@code environment.EnvironmentQueries}).
     */
    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = classes()
            .that().areAssignableTo(org.springframework.data.repository.Repository.class)
            .or().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .should(FeatureTables.beUsedOnlyInTheirFeature());

    /**
     * Controllers ({@code @Controller}, {@code @RestController} or any annotation carrying {@code @Controller}) never
     * reach a cloud: not the adapters ({@code cloud.aws}, {@code cloud.simulated}, the image
     * publisher, the secret cipher), not the ports (the interfaces of {@code cloud}) nor {@code CloudProviders}; they
     * call their feature's services. The port's value types (an {@code Architecture}, a {@code FargateSize}, the region
     * list, a {@code ConnectionCheck}) are allowed: they are what a user picks or reads on a page and call nothing.
     */
    @ArchTest
    static final ArchRule controllersNeverReachACloud = noClasses()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(resideInAnyPackage("com.mcpportal.portal.cloud.aws..",
                    "com.mcpportal.portal.cloud.simulated..", "com.mcpportal.portal.cloud.image..",
                    "com.mcpportal.portal.cloud.secret..")
                    .or(resideInAPackage("com.mcpportal.portal.cloud").and(INTERFACES))
                    .or(equivalentTo(CloudProviders.class)));
}
