package org.roadcoder.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TestFiles;

class LabelSchemaTest {

    @TempDir
    Path dir;

    @Test
    void defaultSchemaHasTheProofOfConceptLayout() {
        LabelSchema schema = LabelSchema.load(TestFiles.defaultSchema());

        assertThat(schema.outputCount()).isEqualTo(28);
        assertThat(schema.groupNames()).containsExactly("area_type", "curvature", "bicycle_facilities",
                "lane_width", "median_type", "number_of_lanes", "street_lighting", "sidewalk",
                "roadside_trees", "pedestrian_crossing", "intersection");
        assertThat(schema.groups()).extracting(LabelGroup::width).containsExactly(1, 3, 3, 3, 10, 3, 1, 1, 1, 1, 1);
        assertThat(schema.groups()).extracting(LabelGroup::offset).containsExactly(0, 1, 4, 7, 10, 20, 23, 24, 25, 26, 27);
        assertThat(schema.outputNames()).hasSize(28).doesNotHaveDuplicates()
                .startsWith("area_type=urban", "curvature=straight_or_gently_curving")
                .endsWith("pedestrian_crossing=present", "intersection=present");
        assertThat(schema.outputNames().get(10)).isEqualTo("median_type=centre_line");
    }

    @Test
    void resolvesCategoryNamesAndIrapCodes() {
        LabelSchema schema = LabelSchema.load(TestFiles.defaultSchema());
        LabelGroup median = schema.requireGroup("median_type");

        assertThat(median.resolve("centre_line")).map(Category::name).contains("centre_line");
        assertThat(median.resolve("11")).map(Category::name).contains("centre_line");
        assertThat(median.resolve("5")).map(Category::name).contains("physical_median_wide");
        assertThat(median.resolve("7")).map(Category::name).contains("physical_median_narrow");
        assertThat(median.resolve("12")).isEmpty();
        assertThat(schema.requireGroup("curvature").resolve("4")).map(Category::name).contains("sharp");
        assertThat(schema.requireGroup("area_type").resolve("2")).map(Category::name).contains("urban");
    }

    @Test
    void everyCodedCategoryOfTheDefaultSchemaSaysWhichIrapCodeItExportsAs() {
        LabelSchema schema = LabelSchema.load(TestFiles.defaultSchema());

        for (LabelGroup g : schema.groups()) {
            for (Category c : g.categories()) {
                assertThat(c.exportCode().isPresent()).as("%s=%s", g.name(), c.name()).isEqualTo(!c.irapCodes().isEmpty());
            }
        }
        assertThat(schema.requireGroup("curvature").resolve("sharp").orElseThrow().exportCode()).contains(3);
        assertThat(schema.requireGroup("median_type").resolve("physical_median_wide").orElseThrow().exportCode())
                .contains(5);
        assertThat(schema.requireGroup("lane_width").resolve("narrow").orElseThrow().exportCode()).contains(3);
        assertThat(schema.requireGroup("sidewalk").resolve("present").orElseThrow().exportCode()).isEmpty();
    }

    @Test
    void rejectsAnExportCodeThatIsNotOneOfTheCategorysCodes() {
        Path f = TestFiles.write(dir.resolve("export.yaml"), """
                groups:
                  - name: curvature
                    kind: exclusive
                    categories: [{name: straight, irap: [1]}, {name: bend, irap: [2, 3], export: 4}]
                """);
        assertThatThrownBy(() -> LabelSchema.load(f)).isInstanceOf(DataException.class).hasMessageContaining(f.toString())
                .hasMessageContaining("group 'curvature': category 'bend' exports as '4', which is not one of its iRAP codes [2, 3]");
    }

    @Test
    void encodesFlagsAndExclusiveBlocks() {
        LabelSchema schema = LabelSchema.load(TestFiles.defaultSchema());
        float[] v = new float[schema.outputCount()];
        LabelGroup area = schema.requireGroup("area_type");
        LabelGroup median = schema.requireGroup("median_type");

        schema.encode(area, area.resolve("urban").orElseThrow(), v);
        schema.encode(median, median.resolve("wire_rope_safety_barrier").orElseThrow(), v);

        assertThat(v[0]).isEqualTo(1f);
        assertThat(v[15]).isEqualTo(1f);
        assertThat(sum(v)).isEqualTo(2f);
        schema.encode(area, area.resolve("rural").orElseThrow(), v);
        assertThat(v[0]).isZero();
    }

    @Test
    void rejectsDuplicateCategoryNamingFileAndEntry() {
        Path f = TestFiles.write(dir.resolve("dup.yaml"), """
                groups:
                  - name: lanes
                    kind: exclusive
                    categories: [one, two, one]
                """);
        assertThatThrownBy(() -> LabelSchema.load(f)).isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("group 'lanes'")
                .hasMessageContaining("duplicate category 'one'");
    }

    @Test
    void rejectsEmptyGroup() {
        Path f = TestFiles.write(dir.resolve("empty.yaml"), """
                groups:
                  - name: lighting
                    kind: flag
                    categories: []
                """);
        assertThatThrownBy(() -> LabelSchema.load(f)).isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("group 'lighting': empty group");
    }

    @Test
    void rejectsUnknownKind() {
        Path f = TestFiles.write(dir.resolve("kind.yaml"), """
                groups:
                  - name: curvature
                    kind: ordinal
                    categories: [straight, bend]
                """);
        assertThatThrownBy(() -> LabelSchema.load(f)).isInstanceOf(DataException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("group 'curvature': unknown kind 'ordinal' (expected 'flag' or 'exclusive')");
    }

    @Test
    void rejectsIrapCodeSharedByTwoCategoriesAndDuplicateGroups() {
        Path codes = TestFiles.write(dir.resolve("codes.yaml"), """
                groups:
                  - name: curvature
                    kind: exclusive
                    categories: [{name: straight, irap: [1]}, {name: bend, irap: [1, 2]}]
                """);
        assertThatThrownBy(() -> LabelSchema.load(codes)).hasMessageContaining("iRAP code 1 is given to both 'straight' and 'bend'");
        Path groups = TestFiles.write(dir.resolve("groups.yaml"), """
                groups:
                  - {name: lit, kind: flag, categories: [absent, present]}
                  - {name: lit, kind: flag, categories: [absent, present]}
                """);
        assertThatThrownBy(() -> LabelSchema.load(groups)).hasMessageContaining("group 'lit' is defined twice");
    }

    @Test
    void flagNeedsTwoCategoriesAndAKnownPositive() {
        Path three = TestFiles.write(dir.resolve("three.yaml"), """
                groups: [{name: lit, kind: flag, categories: [absent, present, unknown]}]
                """);
        assertThatThrownBy(() -> LabelSchema.load(three)).hasMessageContaining("a flag has exactly two categories");
        Path positive = TestFiles.write(dir.resolve("positive.yaml"), """
                groups: [{name: lit, kind: flag, positive: shining, categories: [absent, present]}]
                """);
        assertThatThrownBy(() -> LabelSchema.load(positive)).hasMessageContaining("positive category 'shining'");
    }

    @Test
    void missingFileAndBrokenYamlAreDataErrors() {
        assertThatThrownBy(() -> LabelSchema.load(dir.resolve("nope.yaml")))
                .isInstanceOf(DataException.class).hasMessageContaining("nope.yaml: label schema file not found");
        Path broken = TestFiles.write(dir.resolve("broken.yaml"), "groups: [unclosed\n");
        assertThatThrownBy(() -> LabelSchema.load(broken)).isInstanceOf(DataException.class)
                .hasMessageContaining("broken.yaml: not valid YAML");
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
