package org.roadcoder.app.cli;

import java.nio.file.Path;
import org.roadcoder.data.schema.LabelSchema;
import picocli.CommandLine.Option;

/** {@code --schema FILE}, shared by every command that reads labels. */
public final class SchemaOption {

    /** Where the launcher says roadcoder is installed; the default schema lives there. */
    static final String HOME_PROPERTY = "roadcoder.home";

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Label schema (default: data/labels.yaml of this roadcoder).")
    Path schema;

    public Path path() {
        if (schema != null) {
            return schema;
        }
        return Path.of(System.getProperty(HOME_PROPERTY, ".")).resolve("data/labels.yaml").normalize();
    }

    public LabelSchema load() {
        return LabelSchema.load(path());
    }
}
