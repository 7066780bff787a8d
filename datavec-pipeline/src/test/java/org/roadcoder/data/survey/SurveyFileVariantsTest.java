package org.roadcoder.data.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.schema.LabelSchema;

/**
 * The tiny survey as spreadsheets, survey-vehicle software and scripts on several systems write it:
 * each variant reads as exactly the same frames, roads, images, chainages and label vectors as the
 * plain fixture. (What is refused is in {@link SurveyFileRefusalsTest}.)
 */
class SurveyFileVariantsTest {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    @TempDir
    Path dir;
    private Path survey;
    private final LabelSchema schema = TinySurvey.schema();

    @BeforeEach
    void copyFixture() {
        survey = TinySurvey.copyTo(dir.resolve("survey"));
    }

    /** Writes {@code text} (written with {@code \n}) with the given line end, encoding and leading bytes. */
    static void write(Path survey, String file, String text, String lineEnd, Charset charset, byte... prefix) {
        byte[] body = text.replace("\n", lineEnd).getBytes(charset);
        byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        try {
            Files.write(survey.resolve(file), all);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every frame as one line: id, segment, road, image relative to the survey, chainage, label vector. */
    private static List<String> view(Survey s) {
        Path base = s.frames().isEmpty() ? Path.of("") : s.frames().get(0).image().getParent().getParent();
        return s.frames().stream().map(f -> String.join(" | ", f.frameId(), f.segmentId(), f.roadId(),
                base.relativize(f.image()).toString(), String.valueOf(f.chainageM()), Arrays.toString(f.labels())))
                .toList();
    }

    private List<String> plain() {
        return view(Survey.load(TinySurvey.source(), schema, ReadOptions.defaults()));
    }

    private Survey load() {
        Survey s = SurveyReader.read(survey, schema, ReadOptions.defaults().withDecodeImages(true));
        assertThat(s.report().errors()).extracting(Problem::toString).isEmpty();
        return s;
    }

    @Test
    void europeanExcelSemicolonsDecimalCommasSepLineCrlfBackslashesAndTrailingEmptyColumns() {
        write(survey, "frames.csv", """
                sep=;
                frame_id;segment_id;image;chainage_m;latitude;longitude;;
                f1;s1;images\\red.png;0;52,0100;4,3500;;
                f2;s1;images\\green.png;10;52,0101;4,3501;;
                f3;s2;images\\blue.jpg;100;52,0109;4,3509;;
                f4;s2;images\\red.png;110,0;52,0110;4,3510;;
                f5;s3;images\\green.png;0;51,9000;4,2000;;
                f6;s3;images\\blue.jpg;10;51,9001;4,2001;;
                ;;;;;;;
                """, "\r\n", StandardCharsets.UTF_8);
        write(survey, "segments.csv", """
                segment_id;road_id;start_m;end_m;area_type;curvature;bicycle_facilities;lane_width;median_type;number_of_lanes;street_lighting;sidewalk;roadside_trees;pedestrian_crossing;intersection
                s1;roadA;0;100;urban;straight_or_gently_curving;on_road_lane;wide;centre_line;two;present;present;absent;present;absent
                s2;roadA;100;200,0;2;3;4;2;15;1;1;absent;present;absent;present
                s3;roadB;0;100;rural;moderate;off_road_path;narrow;physical_median_wide;three_or_more;absent;absent;present;absent;absent
                """, "\r\n", StandardCharsets.UTF_8, UTF8_BOM);

        Survey s = load();

        assertThat(view(s)).isEqualTo(plain());
        assertThat(s.report().problems()).isEmpty();
    }

    @Test
    void scriptExportQuotedReorderedCapitalisedWithFloatCodesExtraColumnsAndNoFinalLineEnd() {
        write(survey, "frames.csv", """
                "Image"," Frame_ID ","Segment_ID","chainage_m","Notes"
                "images/red.png","f1","s1","0.0","sunny"
                "images/green.png", "f2" ,"s1","10.0",""
                "images/blue.jpg","f3","s2","100.0","wet, ""slippery""\"
                "images/red.png","f4","s2","110.0",""
                "images/green.png","f5","s3","0.0",""
                "images/blue.jpg","f6","s3","10.0",\"\"""".strip(), "\n", StandardCharsets.UTF_8);
        write(survey, "segments.csv", """
                segment_id,road_id,start_m,end_m,area_type,curvature,bicycle_facilities,lane_width,median_type,number_of_lanes,street_lighting,sidewalk,roadside_trees,pedestrian_crossing,intersection
                s1,roadA,0.0,100.0,Urban,Straight_Or_Gently_Curving,on_road_lane,WIDE,centre_line,two,Present,present,absent,present,absent
                s2,roadA,100.0,200.0,2.0,3.0,4.0,2.0,15.0,1.0,1.0,absent,present,absent,present
                s3,roadB,0.0,100.0,rural,moderate,off_road_path,narrow,physical_median_wide,three_or_more,absent,absent,present,absent,absent""",
                "\n", StandardCharsets.UTF_8);

        Survey s = load();

        assertThat(view(s)).isEqualTo(plain());
        assertThat(s.report().warnings()).extracting(Problem::toString)
                .containsExactly("frames.csv:1: columns not in the data contract, ignored: Notes");
    }

    @Test
    void excelUnicodeTextUtf16TabsCrlf() {
        write(survey, "frames.csv", """
                frame_id\tsegment_id\timage\tchainage_m
                f1\ts1\timages/red.png\t0
                f2\ts1\timages/green.png\t10
                f3\ts2\timages/blue.jpg\t100
                f4\ts2\timages/red.png\t110
                f5\ts3\timages/green.png\t0
                f6\ts3\timages/blue.jpg\t10
                """, "\r\n", StandardCharsets.UTF_16LE, UTF16LE_BOM);
        String segments = TinySurvey.read(TinySurvey.source(), "segments.csv").replace(',', '\t');
        write(survey, "segments.csv", segments, "\r\n", StandardCharsets.UTF_16LE, UTF16LE_BOM);

        assertThat(view(load())).isEqualTo(plain());
    }

    @Test
    void classicMacLoneCrBlankLinesAndNoFinalLineEnd() {
        write(survey, "frames.csv", TinySurvey.read(TinySurvey.source(), "frames.csv") + "\n\n\n", "\r",
                StandardCharsets.UTF_8);
        write(survey, "segments.csv", "\n" + TinySurvey.read(TinySurvey.source(), "segments.csv").strip(), "\r",
                StandardCharsets.UTF_8);

        Survey s = load();

        assertThat(view(s)).isEqualTo(plain());
        assertThat(s.frames()).extracting(SurveyFrame::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(s.segments()).extracting(SegmentInfo::line).containsExactly(3, 4, 5);
    }

    @Test
    void imageExtensionsInAnyCase() throws IOException {
        Path images = survey.resolve("images");
        Files.move(images.resolve("red.png"), images.resolve("RED.PNG"));
        Files.move(images.resolve("green.png"), images.resolve("green.jpeg"));
        Files.move(images.resolve("blue.jpg"), images.resolve("Blue.JPG"));
        String frames = TinySurvey.read(TinySurvey.source(), "frames.csv").replace("red.png", "RED.PNG")
                .replace("green.png", "green.jpeg").replace("blue.jpg", "Blue.JPG");
        write(survey, "frames.csv", frames, "\n", StandardCharsets.UTF_8);

        Survey s = load();

        assertThat(s.frames()).extracting(f -> f.image().getFileName().toString())
                .containsExactly("RED.PNG", "green.jpeg", "Blue.JPG", "RED.PNG", "green.jpeg", "Blue.JPG");
        assertThat(s.frames()).extracting(SurveyFrame::labels).containsExactly(TinySurvey.S1, TinySurvey.S1,
                TinySurvey.S2, TinySurvey.S2, TinySurvey.S3, TinySurvey.S3);
    }

    @Test
    void roadIdsInFramesCsvThatAgreeWithTheSegmentsOrAreLeftEmpty() {
        write(survey, "frames.csv", """
                frame_id,segment_id,image,chainage_m,road_id
                f1,s1,images/red.png,0,roadA
                f2,s1,images/green.png,10,
                f3,s2,images/blue.jpg,100,roadA
                f4,s2,images/red.png,110,roadA
                f5,s3,images/green.png,0,roadB
                f6,s3,images/blue.jpg,10,roadB
                """, "\n", StandardCharsets.UTF_8);

        Survey s = load();

        assertThat(view(s)).isEqualTo(plain());
        assertThat(s.report().problems()).isEmpty();
    }

    @Test
    void aSurveyToCodeTakesItsRoadsFromFramesCsvWhateverTheirSpelling() throws IOException {
        Files.delete(survey.resolve("segments.csv"));
        write(survey, "frames.csv", """
                frame_id,segment_id,image,chainage_m,road_id
                "f1, left",s1,images/red.png,0,"Ü-Straße, ""Nord""\"
                "f2 ""cam 2""\",s1,images/green.png,10,"Ü-Straße, ""Nord""\"
                f3,"s2; Łódź",images/blue.jpg,100,"Ü-Straße, ""Nord""\"
                f4,"s2; Łódź",images/red.png,110,"Ü-Straße, ""Nord""\"
                f5,s3,images/green.png,0,B 27
                f6,s3,images/blue.jpg,10,B 27
                """, "\n", StandardCharsets.UTF_8);

        Survey s = Survey.load(survey, schema, ReadOptions.defaults().withLabels(LabelSource.NONE));

        assertThat(s.roadIds()).containsExactly("Ü-Straße, \"Nord\"", "B 27");
        assertThat(s.frames()).extracting(SurveyFrame::frameId).startsWith("f1, left", "f2 \"cam 2\"", "f3");
        assertThat(s.frames()).extracting(SurveyFrame::segmentId).contains("s2; Łódź");
        assertThat(s.report().problems()).isEmpty();
    }
}
