package org.roadcoder.data.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadcoder.data.DataException;
import org.roadcoder.data.TinySurvey;
import org.roadcoder.data.schema.LabelSchema;

/** One test per mistake a user can make in a survey: each names the file, line, column and value. */
class SurveyValidationTest {

    @TempDir
    Path dir;
    private Path survey;
    private final LabelSchema schema = TinySurvey.schema();

    @BeforeEach
    void copyFixture() {
        survey = TinySurvey.copyTo(dir.resolve("survey"));
    }

    private List<String> errors(ReadOptions options) {
        ValidationReport report = SurveyReader.read(survey, schema, options).report();
        return report.errors().stream().map(Problem::toString).toList();
    }

    private List<String> errors() {
        return errors(ReadOptions.defaults());
    }

    @Test
    void missingColumn() {
        TinySurvey.edit(survey, "frames.csv", "chainage_m", "chainage");
        assertThat(errors()).containsExactly("frames.csv:1: column 'chainage_m': missing column; "
                + "the header must contain frame_id,segment_id,image,chainage_m");
    }

    @Test
    void missingLabelColumn() {
        TinySurvey.edit(survey, "segments.csv", ",intersection", ",junction");
        assertThat(errors()).singleElement().asString().startsWith("segments.csv:1: column 'intersection': missing column");
    }

    @Test
    void unknownCategoryListsTheAllowedOnes() {
        TinySurvey.edit(survey, "segments.csv", "centre_line", "center_line");
        assertThat(errors()).containsExactly("segments.csv:2: column 'median_type', value 'center_line': unknown category; "
                + "allowed: centre_line (iRAP 11), wide_centre_line (iRAP 14), central_hatching (iRAP 10), "
                + "metal_safety_barrier (iRAP 1), concrete_safety_barrier (iRAP 2), wire_rope_safety_barrier (iRAP 15), "
                + "flexible_posts (iRAP 9), physical_median_narrow (iRAP 6, 7), physical_median_wide (iRAP 3, 4, 5), "
                + "continuous_central_turning_lane (iRAP 8)");
    }

    @Test
    void unknownIrapCode() {
        TinySurvey.edit(survey, "segments.csv", "2,3,4,2,15,", "2,3,4,2,12,");
        assertThat(errors()).singleElement().asString().startsWith("segments.csv:3: column 'median_type', value '12': unknown category");
    }

    @Test
    void duplicateFrameId() {
        TinySurvey.edit(survey, "frames.csv", "f4,s2", "f3,s2");
        assertThat(errors()).containsExactly("frames.csv:5: column 'frame_id', value 'f3': duplicate frame_id (first on line 4)");
    }

    @Test
    void duplicateSegmentId() {
        TinySurvey.edit(survey, "segments.csv", "s3,roadB", "s2,roadB");
        assertThat(errors()).contains("segments.csv:4: column 'segment_id', value 's2': duplicate segment_id (first on line 3)");
    }

    @Test
    void frameAtUnknownSegment() {
        TinySurvey.edit(survey, "frames.csv", "f6,s3", "f6,s9");
        assertThat(errors()).containsExactly("frames.csv:7: column 'segment_id', value 's9': "
                + "frame points at a segment that is not in segments.csv");
    }

    @Test
    void missingImage() {
        TinySurvey.edit(survey, "frames.csv", "f2,s1,images/green.png", "f2,s1,images/grey.png");
        assertThat(errors()).singleElement().asString()
                .startsWith("frames.csv:3: column 'image', value 'images/grey.png': image file not found: ")
                .endsWith("images/grey.png");
    }

    @Test
    void zeroByteImage() throws Exception {
        Files.write(survey.resolve("images/red.png"), new byte[0]);
        assertThat(errors()).hasSize(2).first().asString()
                .startsWith("frames.csv:2: column 'image', value 'images/red.png': image file is empty (0 bytes)");
    }

    @Test
    void corruptImageIsFoundWhenDecoding() throws Exception {
        Files.write(survey.resolve("images/blue.jpg"), "this is not a jpeg".getBytes());
        assertThat(errors()).as("not decoded: size and presence are fine").isEmpty();
        assertThat(errors(ReadOptions.defaults().withDecodeImages(true))).hasSize(2).first().asString()
                .startsWith("frames.csv:4: column 'image', value 'images/blue.jpg': image cannot be decoded");
    }

    @Test
    void unreadableImage() throws Exception {
        Files.createDirectory(survey.resolve("images/folder.png"));
        TinySurvey.edit(survey, "frames.csv", "images/green.png,10", "images/folder.png,10");
        assertThat(errors()).singleElement().asString()
                .startsWith("frames.csv:3: column 'image', value 'images/folder.png': image cannot be read");
    }

    @Test
    void imagePathThatEscapesTheSurvey() throws Exception {
        Files.copy(survey.resolve("images/red.png"), dir.resolve("outside.png"));
        TinySurvey.edit(survey, "frames.csv", "images/green.png", "../outside.png");
        assertThat(errors()).singleElement().asString()
                .startsWith("frames.csv:3: column 'image', value '../outside.png': image path escapes the survey folder");
    }

    @Test
    void symlinkThatEscapesTheSurvey() throws Exception {
        Files.copy(survey.resolve("images/red.png"), dir.resolve("outside.png"));
        Files.createSymbolicLink(survey.resolve("images/link.png"), dir.resolve("outside.png"));
        TinySurvey.edit(survey, "frames.csv", "images/green.png", "images/link.png");
        assertThat(errors()).singleElement().asString().contains("image path links outside the survey folder");
    }

    @Test
    void emptyCsv() throws Exception {
        Files.writeString(survey.resolve("segments.csv"), "");
        assertThatThrownBy(() -> SurveyReader.read(survey, schema, ReadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageEndingWith("segments.csv: empty CSV: expected a header line and at least one row");
    }

    @Test
    void headerOnlyCsv() throws Exception {
        Files.writeString(survey.resolve("frames.csv"), "frame_id,segment_id,image,chainage_m\n");
        assertThat(errors()).contains("frames.csv: no frames: the file has a header but no rows");
    }

    @Test
    void wrongNumberOfCells() {
        TinySurvey.edit(survey, "frames.csv", "f5,s3,images/green.png,0,", "f5,s3,images/green.png,");
        assertThat(errors()).containsExactly("frames.csv:6: expected 6 columns (as in the header), found 5");
    }

    @Test
    void chainageThatIsNotANumber() {
        TinySurvey.edit(survey, "segments.csv", "s3,roadB,0,100", "s3,roadB,0,1OO");
        assertThat(errors()).contains("segments.csv:4: column 'end_m', value '1OO': expected a number (metres)");
    }

    @Test
    void segmentWithoutFramesIsOnlyAWarning() throws Exception {
        Files.writeString(survey.resolve("segments.csv"), Files.readString(survey.resolve("segments.csv"))
                + "s4,roadB,100,200,rural,moderate,none,narrow,centre_line,two,absent,absent,present,absent,absent\n");
        ValidationReport report = SurveyReader.read(survey, schema, ReadOptions.defaults()).report();
        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).extracting(Problem::toString)
                .containsExactly("segments.csv:5: column 'segment_id', value 's4': segment has no frames");
    }

    @Test
    void skipBadFramesReportsEverySkippedFrame() throws Exception {
        Files.write(survey.resolve("images/blue.jpg"), "corrupt".getBytes());
        ReadOptions skip = ReadOptions.defaults().withSkipBadFrames(true);

        Survey s = Survey.load(survey, schema, skip);

        assertThat(s.frames()).extracting(SurveyFrame::frameId).containsExactly("f1", "f2", "f4", "f5");
        assertThat(s.report().skippedFrames()).containsExactly("f3", "f6");
        assertThat(s.report().warnings()).extracting(Problem::toString).allMatch(w -> w.contains("skipped"));
    }

    @Test
    void missingTruthRow() {
        TinySurvey.edit(survey, "frames_truth.csv", "f6,rural", "f7,rural");
        assertThat(errors(ReadOptions.defaults().withLabels(LabelSource.FRAME_TRUTH)))
                .containsExactly("frames_truth.csv: column 'frame_id', value 'f6': frame (frames.csv line 7) has no row "
                        + "in frames_truth.csv");
    }

    @Test
    void loadThrowsOneMessageListingEveryError() {
        TinySurvey.edit(survey, "segments.csv", "centre_line", "center_line");
        TinySurvey.edit(survey, "frames.csv", "f4,s2", "f3,s2");
        assertThatThrownBy(() -> Survey.load(survey, schema, ReadOptions.defaults()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("2 errors in survey:")
                .hasMessageContaining("value 'center_line'")
                .hasMessageContaining("duplicate frame_id");
    }

    @Test
    void missingSurveyFolder() {
        assertThatThrownBy(() -> Survey.load(dir.resolve("nowhere"), schema, ReadOptions.defaults()))
                .isInstanceOf(DataException.class).hasMessageEndingWith("nowhere: survey folder not found");
    }
}
