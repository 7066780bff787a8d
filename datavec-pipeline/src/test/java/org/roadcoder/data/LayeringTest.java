package org.roadcoder.data;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pipeline is a library at the bottom: no package cycles, nothing of the model, the search or the app. */
@AnalyzeClasses(packages = "org.roadcoder.data", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.roadcoder.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingFromAbove = noClasses().that().resideInAPackage("org.roadcoder.data..")
            .should().dependOnClassesThat().resideInAnyPackage("org.roadcoder.model..", "org.roadcoder.search..",
                    "org.roadcoder.app..");
}
