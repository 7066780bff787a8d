package org.roadcoder.app.cli;

import org.roadcoder.data.survey.LabelSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --labels segments|truth|none} on the command line. */
public final class LabelSourceConverter implements ITypeConverter<LabelSource> {

    @Override
    public LabelSource convert(String value) {
        return switch (value) {
            case "segments" -> LabelSource.SEGMENTS;
            case "truth" -> LabelSource.FRAME_TRUTH;
            case "none" -> LabelSource.NONE;
            default -> throw new TypeConversionException("expected segments, truth or none, not '" + value + "'");
        };
    }
}
