package org.roadcoder.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.app.TestSurveys;
import org.roadcoder.app.export.CsvFile;
import org.roadcoder.app.export.VidaLayout;

class ExportCommandTest {

    static final String SCHEMA = TestSurveys.repoRoot().resolve("data/labels.yaml").toString();
    static final String GROUPS = "area_type,curvature,bicycle_facilities,lane_width,median_type,number_of_lanes,"
            + "street_lighting,sidewalk,roadside_trees,pedestrian_crossing,intersection";

    @TempDir
    Path dir;

    /** Three segments of "Ü-Straße, Nord" written out of order, one of road B; frames shuffled within segments. */
    private Path fixture() throws IOException {
        Path coded = Files.createDirectories(dir.resolve("coded"));
        Files.writeString(coded.resolve("segment_codes.csv"), "segment_id,road_id,start_m,end_m," + GROUPS + "\n"
                + "a2,\"Ü-Straße, Nord\",200,300,rural,sharp,off_road_path,narrow,physical_median_wide,three_or_more,absent,absent,absent,absent,present\n"
                + "a0,\"Ü-Straße, Nord\",0,100,urban,straight_or_gently_curving,none,wide,centre_line,two,present,present,absent,present,absent\n"
                + "b0,B,0,100,rural,moderate,on_road_lane,medium,wire_rope_safety_barrier,one,absent,absent,present,absent,absent\n"
                + "a1,\"Ü-Straße, Nord\",100,200,urban,moderate,none,wide,physical_median_narrow,two,present,present,absent,absent,absent\n");
        Path survey = Files.createDirectories(dir.resolve("survey"));
        Files.writeString(survey.resolve("frames.csv"), "frame_id,segment_id,image,chainage_m,latitude,longitude\n"
                + "f01,a0,images/f01.jpg,10,52.100100,5.200100\n"
                + "f00,a0,images/f00.jpg,0,52.100000,5.200000\n"
                + "f10,a1,images/f10.jpg,100,52.101000,5.201000\n"
                + "f21,a2,images/f21.jpg,210,52.102100,5.202100\n"
                + "f20,a2,images/f20.jpg,200,52.102000,5.202000\n"
                + "g0,b0,images/g0.jpg,0,,\n");
        return coded;
    }

    @Test
    void writesOneRowPerSegmentInChainageOrderWithTheSchemasExportCodes() throws IOException {
        Path coded = fixture();
        Path out = dir.resolve("vida.csv");

        CliRun r = CliRun.of("export", coded.toString(), "--survey", dir.resolve("survey").toString(), "--out",
                out.toString(), "--schema", SCHEMA, "--coding-date", "2026-12-02", "--coder", "J. Coder");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("exported 4 segments").contains(
                "not exported (no ViDA code for them; see README): sidewalk, roadside_trees, pedestrian_crossing, intersection");
        CsvFile vida = CsvFile.read(out);
        assertThat(vida.header()).isEqualTo(VidaLayout.COLUMNS).startsWith("Coder name", "Coding date",
                "Road survey date", "Image reference", "Road name", "Section", "Distance", "Length", "Latitude",
                "Longitude", "Landmark", "Comments", "Carriageway");
        assertThat(vida.rows()).hasSize(4);
        List<Map<String, String>> rows = vida.rows().stream().map(row -> cells(vida, row)).toList();
        assertThat(rows).extracting(m -> m.get("Road name") + "@" + m.get("Distance"))
                .containsExactly("Ü-Straße, Nord@0.0", "Ü-Straße, Nord@0.1", "Ü-Straße, Nord@0.2", "B@0.0");
        assertThat(rows).extracting(m -> m.get("Image reference"))
                .containsExactly("images/f00.jpg", "images/f10.jpg", "images/f20.jpg", "images/g0.jpg");
        assertThat(rows).extracting(m -> m.get("Latitude") + " " + m.get("Longitude"))
                .containsExactly("52.100000 5.200000", "52.101000 5.201000", "52.102000 5.202000", " ");
        assertThat(rows).allSatisfy(m -> {
            assertThat(m.get("Length")).isEqualTo("0.1");
            assertThat(m.get("Coder name")).isEqualTo("J. Coder");
            assertThat(m.get("Coding date")).isEqualTo("2026-12-02");
            assertThat(m.get("Speed limit")).isEmpty();
            assertThat(m.get("Sidewalk - driver-side")).isEmpty();
            assertThat(m.get("Pedestrian crossing facilities - inspected road")).isEmpty();
        });
        Map<String, String> a0 = rows.get(0);
        assertThat(List.of(a0.get("Area type"), a0.get("Curvature"), a0.get("Facilities for bicycles"),
                a0.get("Lane width"), a0.get("Median type"), a0.get("Number of lanes"), a0.get("Street lighting")))
                .containsExactly("2", "1", "4", "1", "11", "2", "2");
        Map<String, String> a2 = rows.get(2);
        assertThat(List.of(a2.get("Area type"), a2.get("Curvature"), a2.get("Facilities for bicycles"),
                a2.get("Lane width"), a2.get("Median type"), a2.get("Number of lanes"), a2.get("Street lighting")))
                .containsExactly("1", "3", "2", "3", "5", "3", "1");
        assertThat(rows.get(1).get("Median type")).isEqualTo("6");
        assertThat(rows.get(3).get("Median type")).isEqualTo("15");
    }

    @Test
    void aCategoryTheSchemaDoesNotKnowIsNamedByFileLineAndValue() throws IOException {
        Path coded = fixture();
        Path codes = coded.resolve("segment_codes.csv");
        Files.writeString(codes, Files.readString(codes).replace("b0,B,0,100,rural,moderate", "b0,B,0,100,rural,wiggly"));

        CliRun r = CliRun.of("export", coded.toString(), "--survey", dir.resolve("survey").toString(), "--out",
                dir.resolve("vida.csv").toString(), "--schema", SCHEMA);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DATA);
        assertThat(r.err()).contains(codes.toString()).contains("line 4, column curvature: 'wiggly' is not a category");
        assertThat(dir.resolve("vida.csv")).doesNotExist();
    }

    private static Map<String, String> cells(CsvFile csv, CsvFile.Row row) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < csv.header().size(); i++) {
            m.put(csv.header().get(i), CsvFile.cell(row, i));
        }
        return m;
    }
}
