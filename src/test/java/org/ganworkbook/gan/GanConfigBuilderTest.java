package org.ganworkbook.gan;

import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.sampling.NoisePrior;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hyperparameter is one record component, one builder setter, one line of {@code toString} and one of the
 * checkpoint codec: for every component, changing it alone (by the builder and by its wither) changes that
 * component and no other, shows in the printed config, and survives the codec.
 */
class GanConfigBuilderTest {

    /** Sequential (k = 1), so k shows in the printed config and every alternative below is valid alone. */
    private static GanConfig base() {
        return GanConfig.paperMnist().withUpdateOrder(UpdateOrder.SEQUENTIAL);
    }

    /** For every component, a value other than base()'s that keeps the config valid. */
    private static Map<String, Object> alternatives() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "another-name");
        m.put("latentDim", 7);
        m.put("noise", NoisePrior.gaussian());
        m.put("generator", List.<LayerSpec>of(DenseSpec.of(16, Activation.RELU), DenseSpec.of(784, Activation.SIGMOID)));
        m.put("discriminator", List.<LayerSpec>of(MaxoutSpec.of(8, 2), DenseSpec.of(1, Activation.SIGMOID)));
        m.put("generatorBiasFromData", false);
        m.put("batchSize", 33);
        m.put("learningRate", GanConfig.constantLearningRate(0.01f));
        m.put("momentum", GanConfig.constantMomentum(0.7f));
        m.put("k", 2);
        m.put("updateOrder", UpdateOrder.SIMULTANEOUS);
        m.put("generatorLoss", GeneratorLoss.SATURATING);
        m.put("discriminatorLossWeight", 1f);
        m.put("frozen", Frozen.GENERATOR);
        return m;
    }

    @Test
    void toBuilderThenBuildIsTheSameConfig() {
        for (GanConfig c : List.of(GanConfig.paperMnist(), GanConfig.paperTfdPretrain(), GanConfig.paperTfdTrain(),
                GanConfig.olivetti(), GanConfig.olivetti32(), GanConfig.toy1d(), GanConfig.toyRing(), base())) {
            assertEquals(c, c.toBuilder().build(), c.name());
        }
    }

    @Test
    void everyComponentChangesAloneByBuilderAndWitherAndShowsInToStringAndCodec() throws Exception {
        GanConfig base = base();
        Map<String, Object> alt = alternatives();
        RecordComponent[] components = GanConfig.class.getRecordComponents();
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : components) {
            names.add(rc.getName());
        }
        assertEquals(names, List.copyOf(alt.keySet()),
                "a new GanConfig component needs an alternative value here (and a builder setter, a wither, a toString line, a codec line)");
        for (RecordComponent rc : components) {
            String name = rc.getName();
            Object value = alt.get(name);
            assertNotEquals(value, rc.getAccessor().invoke(base), name + ": the alternative must differ from base()");
            GanConfig.Builder b = base.toBuilder();
            Method setter = GanConfig.Builder.class.getMethod(name, rc.getType());
            assertEquals(GanConfig.Builder.class, setter.invoke(b, value).getClass());
            GanConfig byBuilder = b.build();
            GanConfig byWither = (GanConfig) GanConfig.class.getMethod(
                    "with" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1), rc.getType())
                    .invoke(base, value);
            assertEquals(byBuilder, byWither, name + ": builder and wither disagree");
            for (RecordComponent other : components) {
                Object expected = other == rc ? value : other.getAccessor().invoke(base);
                assertEquals(expected, other.getAccessor().invoke(byBuilder),
                        "changing " + name + " alone gave another " + other.getName());
            }
            assertNotEquals(base.toString(), byBuilder.toString(), name + " does not show in the printed config");
            assertEquals(byBuilder, ConfigCodec.decode(ConfigCodec.encode(byBuilder)), name + " is lost by the codec");
        }
    }

    @Test
    void theBuilderChecksLikeTheConstructor() {
        GanConfig.Builder b = base().toBuilder().k(3).updateOrder(UpdateOrder.SIMULTANEOUS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("k = 1"), e.getMessage());
    }
}
