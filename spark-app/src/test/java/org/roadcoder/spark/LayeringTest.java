package org.roadcoder.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * spark-app sits on top of training-app: only its entry point and its command use the command line
 * (to share predict's error handling and exit codes); the job itself uses the scoring and writing path.
 */
@AnalyzeClasses(packages = "org.roadcoder.spark", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyTheEntryPointAndTheCommandUseTheCommandLine = noClasses().that()
            .doNotHaveSimpleName("SparkMain").and().doNotHaveSimpleName("SparkPredictCommand")
            .should().dependOnClassesThat().resideInAPackage("org.roadcoder.app.cli..");

    @ArchTest
    static final ArchRule theJobUsesNoOtherStepThanPredict = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.app.train..", "org.roadcoder.app.search..",
                    "org.roadcoder.app.report..", "org.roadcoder.app.ui..");
}
