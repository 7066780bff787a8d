package org.roadcoder.app.run;

import org.roadcoder.data.schema.GroupKind;
import org.roadcoder.data.schema.LabelGroup;
import org.roadcoder.data.schema.LabelSchema;
import org.roadcoder.model.OutputLayout;

/** The model's output layout, read off the one parsed label schema. */
public final class Layouts {

    private Layouts() {
    }

    public static OutputLayout of(LabelSchema schema) {
        OutputLayout.Builder b = OutputLayout.builder();
        for (LabelGroup g : schema.groups()) {
            if (g.kind() == GroupKind.FLAG) {
                b.flag(g.name());
            } else {
                b.exclusive(g.name(), g.width());
            }
        }
        return b.build();
    }
}
