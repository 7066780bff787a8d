package org.roadcoder.app.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.junit.jupiter.api.Test;
import org.roadcoder.app.config.ConfigLoader;
import org.roadcoder.app.config.ModelConfig;
import org.roadcoder.data.DataException;
import org.roadcoder.model.OutputLayout;
import org.roadcoder.model.backbone.WeightsSource;
import org.roadcoder.model.loss.GroupedLoss;

/** Issue 12: exclusive groups' categories can be weighted, as flags' positives can. */
class ClassWeightTest {

    private static final OutputLayout LAYOUT = OutputLayout.builder().flag("urban").exclusive("lanes", 3).build();
    private static final List<String> NAMES = List.of("urban=yes", "lanes=one", "lanes=two", "lanes=three");

    @Test
    void aCategoryWeightReachesTheOutputLayersLoss() {
        ModelConfig model = config("model.class_weight={lanes: {three: 4}}");

        NetworkFactory.Built built = NetworkFactory.build(model, LAYOUT, NAMES, 1, WeightsSource.defaults(),
                new PrintWriter(new StringWriter()));

        Object loss = ((BaseOutputLayer) built.net().getOutputLayer(0).conf().getLayer()).getLossFn();
        assertThat(loss).isEqualTo(GroupedLoss.builder(LAYOUT).optWeights(1, 1, 1, 4).build());
    }

    @Test
    void aWeightOnAnUnknownCategoryOrWithBceIsNamed() {
        assertThatThrownBy(() -> NetworkFactory.build(config("model.class_weight={lanes: {four: 2}}"), LAYOUT, NAMES, 1,
                WeightsSource.defaults(), new PrintWriter(new StringWriter()))).isInstanceOf(DataException.class)
                .hasMessageContaining("model.class_weight.lanes.four: is not a category of an exclusive group");
        assertThatThrownBy(() -> ConfigLoader.load(null, List.of("model.loss=bce", "model.class_weight={lanes: {one: 2}}")))
                .hasMessageContaining("model.class_weight: needs loss: grouped, not bce");
    }

    private static ModelConfig config(String weight) {
        return ConfigLoader.load(null, List.of("model.backbone=vgg11-bn", "model.weights=random", "model.loss=grouped",
                "model.input_size=32", "model.width_multiplier=0.0625", "model.hidden=8", weight)).model();
    }
}
