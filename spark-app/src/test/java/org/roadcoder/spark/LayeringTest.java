package org.roadcoder.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * spark-app sits on top of training-app: only its entry point and its commands use the command line (to share
 * the local commands' options, error handling and exit codes); the jobs use the scoring, writing and training path.
 */
@AnalyzeClasses(packages = "org.roadcoder.spark", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyTheEntryPointAndTheCommandsUseTheCommandLine = noClasses().that()
            .doNotHaveSimpleName("SparkMain").and().haveNameNotMatching(".*\\.Spark[A-Za-z]+Command")
            .should().dependOnClassesThat().resideInAPackage("org.roadcoder.app.cli..");

    @ArchTest
    static final ArchRule onlyTrainingUsesTheTrainer = noClasses().that()
            .doNotHaveSimpleName("SparkEpochFit").and().doNotHaveSimpleName("SparkTrainCommand")
            .should().dependOnClassesThat().resideInAPackage("org.roadcoder.app.train..");

    @ArchTest
    static final ArchRule theJobsUseNoOtherStep = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.app.search..",
                    "org.roadcoder.app.report..", "org.roadcoder.app.ui..");
}
