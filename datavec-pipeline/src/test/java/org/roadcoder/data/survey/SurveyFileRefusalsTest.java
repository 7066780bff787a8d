package org.roadcoder.data.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadcoder.data.survey.SurveyFileVariantsTest.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.schema.LabelSchema;

/** What a careful user would not call valid, refused with the file, line, column and value. */
class SurveyFileRefusalsTest {

    @TempDir
    Path dir;
    private Path survey;
    private final LabelSchema schema = TinySurvey.schema();

    @BeforeEach
    void copyFixture() {
        survey = TinySurvey.copyTo(dir.resolve("survey"));
    }

    private List<String> errors(ReadOptions options) {
        return SurveyReader.read(survey, schema, options).report().errors().stream().map(Problem::toString).toList();
    }

    private List<String> errors() {
        return errors(ReadOptions.defaults());
    }

    private void frames(String text) {
        write(survey, "frames.csv", text, "\n", StandardCharsets.UTF_8);
    }

    @Test
    void latin1OrWindows1252Export() {
        write(survey, "frames.csv", TinySurvey.read(survey, "frames.csv").replace("f2,", "f2-Ü,"), "\n",
                StandardCharsets.ISO_8859_1);
        assertThat(errors()).containsExactly("frames.csv:3: value '0xDC': not UTF-8 (byte 0xDC cannot be read as "
                + "UTF-8; a Latin-1 or Windows-1252 export?); save it as UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)'; "
                + "LibreOffice: character set 'Unicode (UTF-8)')");
    }

    @Test
    void utf16WithoutByteOrderMark() {
        write(survey, "segments.csv", TinySurvey.read(survey, "segments.csv"), "\r\n", StandardCharsets.UTF_16LE);
        assertThat(errors()).singleElement().asString().startsWith("segments.csv:1: the file holds NUL bytes: "
                + "it is UTF-16 without a byte-order mark or not a text file; save it as UTF-8");
    }

    @Test
    void duplicateColumnWhateverItsCase() {
        TinySurvey.edit(survey, "frames.csv", "longitude", "Image");
        assertThat(errors()).containsExactly("frames.csv:1: column 'Image': duplicate column (columns 3 and 6)");
    }

    @Test
    void emptyCellsInRequiredColumns() {
        frames("""
                frame_id,segment_id,image,chainage_m
                ,s1,images/red.png,0
                f2,,images/green.png,10
                f3,s2,,100
                f4,s2,images/red.png,
                f5,s3,images/green.png,0
                f6,s3,images/blue.jpg,10
                """);
        TinySurvey.edit(survey, "segments.csv", "s1,roadA,0,100,urban", "s1,,0,100,urban");
        TinySurvey.edit(survey, "segments.csv", "s3,roadB,0,100", "s3,roadB,,100");
        TinySurvey.edit(survey, "segments.csv", "2,3,4,2,15,", "2,3,4,,15,");
        assertThat(errors()).containsExactly(
                "segments.csv:2: column 'road_id': empty road id",
                "segments.csv:3: column 'lane_width': missing category; allowed: wide (iRAP 1), medium (iRAP 2), "
                        + "narrow (iRAP 3)",
                "segments.csv:4: column 'start_m': empty cell: expected a number (metres)",
                "frames.csv:2: column 'frame_id': empty frame id",
                "frames.csv:3: column 'segment_id': empty segment id");
    }

    @Test
    void emptyImageAndChainageCells() {
        frames("""
                frame_id,segment_id,image,chainage_m
                f1,s1,images/red.png,0
                f2,s1,images/green.png,10
                f3,s2,,100
                f4,s2,images/red.png,
                f5,s3,images/green.png,0
                f6,s3,images/blue.jpg,10
                """);
        assertThat(errors()).containsExactly("frames.csv:4: column 'image': empty image path",
                "frames.csv:5: column 'chainage_m': empty cell: expected a number (metres)");
    }

    @Test
    void rowsWithTooFewOrTooManyFields() {
        frames("""
                frame_id,segment_id,image,chainage_m
                f1,s1,images/red.png,0
                f2,s1,images/green.png
                f3,s2,images/blue.jpg,100
                f4,s2,images/red.png,110,,
                f5,s3,images/green.png,0,x
                f6,s3,Ü-Straße, Nord/blue.jpg,10
                """);
        assertThat(errors()).containsExactly("frames.csv:3: expected 4 columns (as in the header), found 3",
                "frames.csv:6: expected 4 columns (as in the header), found 5 (a value holding the delimiter ',' "
                        + "outside quotes?)",
                "frames.csv:7: expected 4 columns (as in the header), found 5 (a value holding the delimiter ',' "
                        + "outside quotes?)");
    }

    @Test
    void anUnclosedQuote() {
        frames("""
                frame_id,segment_id,image,chainage_m
                f1,s1,images/red.png,0
                f2,s1,"images/green.png,10
                f3,s2,images/blue.jpg,100
                """);
        assertThat(errors()).containsExactly("frames.csv:3: a quoted field in the row starting here is never closed "
                + "(a missing \" or a lone \" in a value?)");
    }

    @Test
    void absoluteAndEscapingImagePaths() throws Exception {
        Files.copy(survey.resolve("images/red.png"), dir.resolve("outside.png"));
        frames("""
                frame_id,segment_id,image,chainage_m
                f1,s1,/etc/passwd,0
                f2,s1,C:\\survey\\images\\green.png,10
                f3,s2,\\\\server\\share\\blue.jpg,100
                f4,s2,..\\outside.png,110
                f5,s3,images\\..\\..\\outside.png,0
                f6,s3,images/blue.jpg,10
                """);
        String absolute = "absolute image path: give the path relative to the survey folder, e.g. images/0001.jpg";
        assertThat(errors()).hasSize(5).satisfiesExactly(
                e -> assertThat(e).isEqualTo("frames.csv:2: column 'image', value '/etc/passwd': " + absolute),
                e -> assertThat(e).isEqualTo("frames.csv:3: column 'image', value 'C:\\survey\\images\\green.png': "
                        + absolute),
                e -> assertThat(e).isEqualTo("frames.csv:4: column 'image', value '\\\\server\\share\\blue.jpg': "
                        + absolute),
                e -> assertThat(e).startsWith("frames.csv:5: column 'image', value '..\\outside.png': image path "
                        + "escapes the survey folder"),
                e -> assertThat(e).startsWith("frames.csv:6: column 'image', value 'images\\..\\..\\outside.png': "
                        + "image path escapes the survey folder"));
    }

    @Test
    void numbersThatAreNotPlainDecimals() {
        frames("""
                frame_id,segment_id,image,chainage_m
                f1,s1,images/red.png,0
                f2,s1,images/green.png,"10,5"
                f3,s2,images/blue.jpg,100m
                f4,s2,images/red.png,110f
                f5,s3,images/green.png,NaN
                f6,s3,images/blue.jpg,10
                """);
        assertThat(errors()).containsExactly(
                "frames.csv:3: column 'chainage_m', value '10,5': expected a number (metres); a decimal comma only in "
                        + "semicolon- or tab-separated files",
                "frames.csv:4: column 'chainage_m', value '100m': expected a number (metres)",
                "frames.csv:5: column 'chainage_m', value '110f': expected a number (metres)",
                "frames.csv:6: column 'chainage_m', value 'NaN': expected a number (metres)");
    }

    @Test
    void thousandsSeparatorsInASemicolonFile() {
        write(survey, "frames.csv", TinySurvey.read(survey, "frames.csv").replace(',', ';').replace("110;", "1.110,5;"),
                "\n", StandardCharsets.UTF_8);
        assertThat(errors()).singleElement().asString()
                .isEqualTo("frames.csv:5: column 'chainage_m', value '1.110,5': expected a number (metres)");
    }

    @Test
    void aFramesRoadThatDisagreesWithItsSegment() {
        frames("""
                frame_id,segment_id,image,chainage_m,road_id
                f1,s1,images/red.png,0,roadA
                f2,s1,images/green.png,10,roadB
                f3,s2,images/blue.jpg,100,roadA
                f4,s2,images/red.png,110,roadA
                f5,s3,images/green.png,0,roadb
                f6,s3,images/blue.jpg,10,roadB
                """);
        assertThat(errors()).containsExactly(
                "frames.csv:3: column 'road_id', value 'roadB': differs from road 'roadA' of segment 's1' "
                        + "(segments.csv line 2)",
                "frames.csv:6: column 'road_id', value 'roadb': differs from road 'roadB' of segment 's3' "
                        + "(segments.csv line 4)");
    }

    @Test
    void withoutSegmentsCsvASegmentLiesOnOneRoadAndEveryFrameNamesIt() throws Exception {
        Files.delete(survey.resolve("segments.csv"));
        frames("""
                frame_id,segment_id,image,chainage_m,road_id
                f1,s1,images/red.png,0,roadA
                f2,s1,images/green.png,10,roadB
                f3,s2,images/blue.jpg,100,
                f4,s2,images/red.png,110,roadA
                f5,s3,images/green.png,0,roadB
                f6,s3,images/blue.jpg,10,roadB
                """);
        assertThat(errors(ReadOptions.defaults().withLabels(LabelSource.NONE))).containsExactly(
                "frames.csv:3: column 'road_id', value 'roadB': segment 's1' is on road 'roadA' on line 2; "
                        + "a segment lies on one road",
                "frames.csv:4: column 'road_id': empty road id (there is no segments.csv to take it from)");
    }
}
