package org.ganworkbook.gan;

import org.ganworkbook.nn.Activation;
import org.ganworkbook.nn.BiasInit;
import org.ganworkbook.nn.DenseSpec;
import org.ganworkbook.nn.Dropout;
import org.ganworkbook.nn.LayerInit;
import org.ganworkbook.nn.LayerSpec;
import org.ganworkbook.nn.MaxoutSpec;
import org.ganworkbook.nn.WeightInit;
import org.ganworkbook.optim.ExponentialDecay;
import org.ganworkbook.optim.MomentumRamp;
import org.ganworkbook.sampling.Gaussian1d;
import org.ganworkbook.sampling.NoisePrior;
import org.ganworkbook.sampling.Uniform1d;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GanConfig} as exact text ({@code key=value} lines) and back, for checkpoints: numbers are
 * written in Java's shortest round-trip form, so {@code decode(encode(c))} equals c. Two configs are the
 * same experiment iff their encodings are equal.
 */
final class ConfigCodec {

    static final String FORMAT = "gan-config/1";

    private ConfigCodec() {
    }

    static String encode(GanConfig c) {
        StringBuilder sb = new StringBuilder();
        put(sb, "format", FORMAT);
        put(sb, "name", c.name());
        put(sb, "latentDim", Integer.toString(c.latentDim()));
        put(sb, "noise", noise(c.noise()));
        layers(sb, "generator", c.generator());
        layers(sb, "discriminator", c.discriminator());
        put(sb, "generatorBiasFromData", Boolean.toString(c.generatorBiasFromData()));
        put(sb, "batchSize", Integer.toString(c.batchSize()));
        ExponentialDecay lr = c.learningRate();
        put(sb, "learningRate", lr.initial() + " " + lr.decay() + " " + lr.minLr());
        MomentumRamp mu = c.momentum();
        put(sb, "momentum", mu.initial() + " " + mu.finalMomentum() + " " + mu.start() + " " + mu.saturate());
        put(sb, "k", Integer.toString(c.k()));
        put(sb, "updateOrder", c.updateOrder().name());
        put(sb, "generatorLoss", c.generatorLoss().name());
        put(sb, "discriminatorLossWeight", Float.toString(c.discriminatorLossWeight()));
        put(sb, "frozen", c.frozen().name());
        return sb.toString();
    }

    static GanConfig decode(String text) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("config line without '=': " + line);
            }
            kv.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!FORMAT.equals(kv.get("format"))) {
            throw new IllegalArgumentException("unknown config format " + kv.get("format") + " (this version reads "
                    + FORMAT + ")");
        }
        String[] lr = get(kv, "learningRate").split(" ");
        String[] mu = get(kv, "momentum").split(" ");
        return new GanConfig(get(kv, "name"), Integer.parseInt(get(kv, "latentDim")), parseNoise(get(kv, "noise")),
                parseLayers(kv, "generator"), parseLayers(kv, "discriminator"),
                Boolean.parseBoolean(get(kv, "generatorBiasFromData")), Integer.parseInt(get(kv, "batchSize")),
                new ExponentialDecay(Float.parseFloat(lr[0]), Double.parseDouble(lr[1]), Double.parseDouble(lr[2])),
                new MomentumRamp(Float.parseFloat(mu[0]), Float.parseFloat(mu[1]), Integer.parseInt(mu[2]),
                        Integer.parseInt(mu[3])),
                Integer.parseInt(get(kv, "k")), UpdateOrder.valueOf(get(kv, "updateOrder")),
                GeneratorLoss.valueOf(get(kv, "generatorLoss")), Float.parseFloat(get(kv, "discriminatorLossWeight")),
                Frozen.valueOf(get(kv, "frozen")));
    }

    private static void put(StringBuilder sb, String key, String value) {
        if (value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(key + " must be one line: " + value);
        }
        sb.append(key).append('=').append(value).append('\n');
    }

    private static String get(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("config text has no '" + key + "'");
        }
        return v;
    }

    private static String noise(NoisePrior p) {
        if (p instanceof Uniform1d u) {
            return "uniform " + u.low() + " " + u.high();
        }
        Gaussian1d g = (Gaussian1d) p;
        return "gaussian " + g.mean() + " " + g.sigma();
    }

    private static NoisePrior parseNoise(String s) {
        String[] f = s.split(" ");
        return switch (f[0]) {
            case "uniform" -> new Uniform1d(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            case "gaussian" -> new Gaussian1d(Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            default -> throw new IllegalArgumentException("unknown noise prior " + s);
        };
    }

    private static void layers(StringBuilder sb, String key, List<LayerSpec> specs) {
        put(sb, key + ".size", Integer.toString(specs.size()));
        for (int i = 0; i < specs.size(); i++) {
            put(sb, key + "." + i, layer(specs.get(i)));
        }
    }

    private static List<LayerSpec> parseLayers(Map<String, String> kv, String key) {
        int n = Integer.parseInt(get(kv, key + ".size"));
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(parseLayer(get(kv, key + "." + i)));
        }
        return out;
    }

    private static String layer(LayerSpec s) {
        String kind = s instanceof MaxoutSpec m ? "maxout " + m.units() + " " + m.pieces()
                : "dense " + s.units() + " " + ((DenseSpec) s).activation().name(); // what only that kind has
        return kind + " " + init(s.init());
    }

    /** The fields every layer has, in the order of format 1. */
    private static String init(LayerInit i) {
        return weight(i.weightInit()) + " " + bias(i.biasInit()) + " " + i.inputDropout().keep() + " "
                + i.inputDropout().scale() + " " + i.maxColNorm();
    }

    private static LayerInit parseInit(String[] f, int from) {
        return new LayerInit(parseWeight(f[from]), parseBias(f[from + 1]),
                Dropout.of(Float.parseFloat(f[from + 2]), Float.parseFloat(f[from + 3])), Float.parseFloat(f[from + 4]));
    }

    private static LayerSpec parseLayer(String s) {
        String[] f = s.split(" ");
        if (f[0].equals("maxout")) {
            return new MaxoutSpec(Integer.parseInt(f[1]), Integer.parseInt(f[2]), parseInit(f, 3));
        }
        if (f[0].equals("dense")) {
            return new DenseSpec(Integer.parseInt(f[1]), Activation.valueOf(f[2]), parseInit(f, 3));
        }
        throw new IllegalArgumentException("unknown layer " + s);
    }

    private static String weight(WeightInit w) {
        if (w instanceof WeightInit.Uniform u) {
            return "uniform:" + u.range();
        }
        WeightInit.Sparse sp = (WeightInit.Sparse) w;
        return "sparse:" + sp.nonZero() + ":" + sp.stdev();
    }

    private static WeightInit parseWeight(String s) {
        String[] f = s.split(":");
        return switch (f[0]) {
            case "uniform" -> new WeightInit.Uniform(Float.parseFloat(f[1]));
            case "sparse" -> new WeightInit.Sparse(Integer.parseInt(f[1]), Float.parseFloat(f[2]));
            default -> throw new IllegalArgumentException("unknown weight init " + s);
        };
    }

    private static String bias(BiasInit b) {
        if (b instanceof BiasInit.Constant c) {
            return "constant:" + c.value();
        }
        float[] m = ((BiasInit.Logit) b).marginals();
        StringBuilder sb = new StringBuilder("logit:");
        for (int i = 0; i < m.length; i++) {
            sb.append(i == 0 ? "" : ",").append(m[i]);
        }
        return sb.toString();
    }

    private static BiasInit parseBias(String s) {
        if (s.startsWith("constant:")) {
            return BiasInit.constant(Float.parseFloat(s.substring(9)));
        }
        if (s.startsWith("logit:")) {
            String[] f = s.substring(6).split(",");
            float[] m = new float[f.length];
            for (int i = 0; i < f.length; i++) {
                m[i] = Float.parseFloat(f[i]);
            }
            return BiasInit.logitOf(m);
        }
        throw new IllegalArgumentException("unknown bias init " + s);
    }
}
