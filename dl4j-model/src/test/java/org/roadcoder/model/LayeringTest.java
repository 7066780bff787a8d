package org.roadcoder.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The model is a library at the bottom, beside the pipeline: no package cycles, nothing of the
 * pipeline (it knows the output layout only), the search or the app.
 */
@AnalyzeClasses(packages = {"org.roadcoder.model", "org.nd4j.nativeblas"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.roadcoder.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingFromBesideOrAbove = noClasses().that()
            .resideInAnyPackage("org.roadcoder.model..", "org.nd4j.nativeblas..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.data..", "org.roadcoder.search..",
                    "org.roadcoder.app..");
}
