package org.roadcoder.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The search is a library over the model: no package cycles, and nothing of the app (command line,
 * configuration, run folders) or of the pipeline; candidates that need either come in through
 * {@link CandidateTraining}.
 */
@AnalyzeClasses(packages = "org.roadcoder.search", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.roadcoder.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingOfTheAppOrThePipeline = noClasses().that().resideInAPackage("org.roadcoder.search..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.app..", "org.roadcoder.data..",
                    "picocli..");
}
