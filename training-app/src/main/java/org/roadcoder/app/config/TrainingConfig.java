package org.roadcoder.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.roadcoder.model.transfer.LearningRateSchedule;

/**
 * The {@code training:} section.
 *
 * @param batchSize        frames per batch
 * @param epochs           most passes over the training roads
 * @param patience         epochs without a better validation macro-F1 before stopping early
 * @param seed             one seed for split, initialisation, shuffling, augmentation and dropout
 * @param divergenceFactor stop when an epoch's mean loss exceeds this many times the first epoch's
 * @param statsEvery       iterations between two reports to the training UI's stats file ({@code ui-stats.dl4j});
 *                         0 writes no statistics. Each report is ~35 KB for a VGG11: 1 grows the file by ~35 MB
 *                         per 1,000 iterations; each costs about half a training step of a 1/4-width VGG11-BN
 *                         (docs/performance.md)
 * @param unit             frame (each frame carries its segment's labels) or segment (the network pools a
 *                         segment's frames and learns the segment's label: multiple-instance training)
 * @param keep             which epoch's network becomes {@code model.zip}: best (the best validation score; early
 *                         stopping after {@code patience}) or last (the last epoch's, as the proof of concept's
 *                         script does; no early stopping). docs/quality.md measures both
 * @param lrSchedule       constant (the proof of concept's Adam) or cosine: every layer's learning rate falls from
 *                         its configured value to 0 along half a cosine over the {@code epochs} (docs/quality.md,
 *                         "Learning-rate schedule")
 * @param segmentFill      segment-level training only: single frames of other segments added to each batch of
 *                         whole segments, trained frame by frame only (never a pooled group), so that a batch holds
 *                         frames of many places for batch normalisation and the groups that run along the road;
 *                         0 (the default) for whole segments only (docs/quality.md, "Segment batches")
 * @param segmentFrames    segment-level training only: what the frames of a batch's whole segments train, all (every
 *                         group, the default) or pooled (only the pooled groups, the point objects; the fill frames
 *                         alone train the others, so it needs {@code segment_fill} above 0)
 */
@JsonPropertyOrder({"batch_size", "epochs", "patience", "seed", "divergence_factor", "stats_every", "unit", "keep", "lr_schedule",
        "segment_fill", "segment_frames"})
public record TrainingConfig(
        @JsonProperty("batch_size") int batchSize,
        int epochs,
        int patience,
        long seed,
        @JsonProperty("divergence_factor") double divergenceFactor,
        @JsonProperty("stats_every") int statsEvery,
        String unit,
        String keep,
        @JsonProperty("lr_schedule") String lrSchedule,
        @JsonProperty("segment_fill") Integer segmentFill,
        @JsonProperty("segment_frames") String segmentFrames) {

    /**
     * Measured (docs/performance.md, issue 13): a report without histograms costs ~60% of a 1/4-width
     * VGG11-BN step at 128 px, so every 25 iterations is 2.4% of the training time; the file grows by
     * ~1.4 MB per 1,000 iterations (README "Training UI").
     */
    public static final int DEFAULT_STATS_EVERY = 25;
    public static final String FRAME = "frame";
    public static final String SEGMENT = "segment";
    public static final String KEEP_BEST = "best";
    public static final String KEEP_LAST = "last";
    public static final String SEGMENT_FRAMES_ALL = "all";
    public static final String SEGMENT_FRAMES_POOLED = "pooled";
    /** Frames of a full 100-m segment: a segment batch holds ceil(batch_size / this) segments. */
    public static final int FRAMES_PER_SEGMENT = 10;

    public TrainingConfig {
        unit = unit == null ? FRAME : unit;
        keep = keep == null ? KEEP_BEST : keep;
        lrSchedule = lrSchedule == null ? LearningRateSchedule.CONSTANT.id() : lrSchedule;
        segmentFill = segmentFill == null ? 0 : segmentFill;
        ConfigException.require(segmentFill >= 0, "training.segment_fill",
                "must be 0 (whole segments only) or more (single frames of other segments per batch), got " + segmentFill);
        segmentFrames = segmentFrames == null ? SEGMENT_FRAMES_ALL : segmentFrames;
        ConfigException.require(SEGMENT_FRAMES_ALL.equals(segmentFrames) || SEGMENT_FRAMES_POOLED.equals(segmentFrames),
                "training.segment_frames", "must be all or pooled, got " + segmentFrames);
        ConfigException.require(!SEGMENT_FRAMES_POOLED.equals(segmentFrames) || segmentFill > 0, "training.segment_frames",
                "pooled leaves the groups trained frame by frame to the fill frames: set training.segment_fill above 0");
        try {
            LearningRateSchedule.fromId(lrSchedule);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("training.lr_schedule", e.getMessage());
        }
        ConfigException.require(KEEP_BEST.equals(keep) || KEEP_LAST.equals(keep), "training.keep",
                "must be best or last, got " + keep);
        ConfigException.require(FRAME.equals(unit) || SEGMENT.equals(unit), "training.unit",
                "must be frame or segment, got " + unit);
        ConfigException.require(batchSize >= 1, "training.batch_size", "must be at least 1, got " + batchSize);
        ConfigException.require(epochs >= 1, "training.epochs", "must be at least 1, got " + epochs);
        ConfigException.require(patience >= 1, "training.patience", "must be at least 1, got " + patience);
        ConfigException.require(divergenceFactor > 1, "training.divergence_factor",
                "must be greater than 1, got " + divergenceFactor);
        ConfigException.require(statsEvery >= 0, "training.stats_every",
                "must be 0 (no training-UI statistics) or more (iterations between two reports), got " + statsEvery);
    }

    /** Whether the last epoch's network is kept rather than the best validated one. */
    public boolean keepLast() {
        return KEEP_LAST.equals(keep);
    }

    public LearningRateSchedule schedule() {
        return LearningRateSchedule.fromId(lrSchedule);
    }

    /** Whether a batch's whole segments train only the pooled groups ({@code segment_frames: pooled}). */
    public boolean wholeSegmentsTrainPooledOnly() {
        return SEGMENT_FRAMES_POOLED.equals(segmentFrames);
    }

    public boolean segmentLevel() {
        return SEGMENT.equals(unit);
    }

    /** Whole segments per segment-level batch: about {@code batch_size} frames, at least one segment. */
    public int segmentsPerBatch() {
        return Math.max(1, (batchSize + FRAMES_PER_SEGMENT - 1) / FRAMES_PER_SEGMENT);
    }
}
