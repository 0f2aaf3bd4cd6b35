package org.openperf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls of docs/architecture.md, checked on the compiled main code: no cycles between packages, the allowed
 * directions between features, Apache POI only where files are read and written, Camunda's API not in the domain
 * and its internals only where no public API exists.
 */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openperf");
        // A rule over no classes holds trivially: every package the walls name must be there.
        for (String p : List.of("kernel", "files", "targets", "validation", "library", "departments", "imports",
                "review", "monitoring", "evaluation", "exports", "dashboard", "pages", "security", "web")) {
            assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith("org.openperf." + p)))
                    .as("classes of org.openperf." + p).isTrue();
        }
    }

    /** The rule's violations, each named, as the failure message. */
    private static void holds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(main);
        assertThat(result.hasViolation()).as("%s", result.getFailureReport()).isFalse();
    }

    static final String[] ENGINE_FREE = {"org.openperf.targets..",
            "org.openperf.validation..", "org.openperf.library..", "org.openperf.departments..", "org.openperf.imports..", "org.openperf.exports..",
            "org.openperf.dashboard..", "org.openperf.files..", "org.openperf.web.."};

    @Test
    void noPackageCycles() {
        holds(slices().matching("org.openperf.(*)..").should().beFreeOfCycles());
    }

    /** Lower packages never use higher ones (docs/architecture.md, "Allowed directions"). */
    @Test
    void featuresUseOnlyThePackagesBelowThem() {
        rule("org.openperf.kernel..", "files", "targets", "validation", "library", "departments", "imports", "review",
                "monitoring", "evaluation", "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.files..", "targets", "validation", "library", "departments", "imports", "review",
                "monitoring", "evaluation", "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.targets..", "validation", "library", "departments", "imports", "review", "monitoring", "evaluation",
                "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.validation..", "library", "departments", "imports", "review", "monitoring", "evaluation",
                "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.library..", "departments", "imports", "review", "monitoring", "evaluation", "exports",
                "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.departments..", "imports", "review", "monitoring", "evaluation", "exports", "dashboard",
                "pages", "demo", "security", "web");
        rule("org.openperf.imports..", "review", "monitoring", "evaluation", "exports", "dashboard", "pages",
                "demo", "security", "web");
        rule("org.openperf.review..", "imports", "monitoring", "evaluation", "exports", "dashboard", "pages",
                "demo", "security", "web");
        rule("org.openperf.monitoring..", "evaluation", "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.evaluation..", "exports", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.exports..", "dashboard", "pages", "demo", "security", "web");
        rule("org.openperf.dashboard..", "pages", "demo", "security", "web");
    }

    private static void rule(String from, String... notTo) {
        String[] packages = java.util.Arrays.stream(notTo).map(p -> "org.openperf." + p + "..")
                .toArray(String[]::new);
        holds(noClasses().that().resideInAPackage(from).should().dependOnClassesThat().resideInAnyPackage(packages)
                .because("docs/architecture.md: a package uses only the packages below it"));
    }

    @Test
    void pagesCallServicesNeverControllers() {
        holds(noClasses().that().resideInAPackage("org.openperf.pages..").should().dependOnClassesThat()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class));
    }

    @Test
    void apachePoiOnlyWhereFilesAreReadAndWritten() {
        holds(noClasses().that().resideOutsideOfPackages("org.openperf.imports..", "org.openperf.exports..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.poi.."));
    }

    @Test
    void camundasApiStaysOutOfTheDomainAndThePureCalculators() {
        ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE_FREE)
                .or().haveSimpleName("MonitoringCalculator").or().haveSimpleName("ExecutionLight")
                .or().haveSimpleName("IndicatorLight").or().haveSimpleName("SelfEvaluationScorer")
                .or().haveSimpleName("RecheckSample")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..");
        holds(rule);
    }

    /** The engine's internals only where Camunda has no public API, each listed in docs/architecture.md. */
    @Test
    void camundasInternalsOnlyWhereListed() {
        holds(noClasses().that().haveNameNotMatching(".*\\.(DmnTables|DeploymentCheck|RulesPlugin|EngineAccess|StepListener|CompletionFieldsFilter"
                        + "|SpringSecurityWebappAuthentication|WebappLogin|EngineRestSecurity|SecurityConfiguration"
                        + "|BusinessClock|HistoryRetentionPlugin)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..impl..")
                );
    }
}
