package org.roadcoder.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app on top: no package cycles; the commands ({@code cli}) are the top of the app, and what
 * train, evaluate, predict and search share (frame scoring, configuration) sits below all of them.
 */
@AnalyzeClasses(packages = "org.roadcoder.app", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.roadcoder.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheEntryPointUsesTheCommands = noClasses().that()
            .resideOutsideOfPackages("org.roadcoder.app", "org.roadcoder.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.roadcoder.app.cli..");

    @ArchTest
    static final ArchRule scoringAndConfigurationSitBelowTheSteps = noClasses().that()
            .resideInAnyPackage("org.roadcoder.app.scoring..", "org.roadcoder.app.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.app.train..",
                    "org.roadcoder.app.predict..", "org.roadcoder.app.report..", "org.roadcoder.app.search..");
}
