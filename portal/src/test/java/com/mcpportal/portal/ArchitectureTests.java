package com.mcpportal.portal;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package-by-feature boundaries: features may use each other's public API, but never in a cycle. */
@AnalyzeClasses(packages = "com.mcpportal.portal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices()
            .matching("com.mcpportal.portal.(*)..")
            .should().beFreeOfCycles();

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

    /** Shared web helpers and the database bootstrap sit below every feature. */
    @ArchTest
    static final ArchRule sharedPackagesDependOnNoFeature = noClasses()
            .that().resideInAnyPackage("com.mcpportal.portal.web..", "com.mcpportal.portal.database..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mcpportal.portal.team..",
                    "com.mcpportal.portal.user..", "com.mcpportal.portal.security..", "com.mcpportal.portal.audit..");
}
