package org.ganworkbook.cli;

import org.ganworkbook.data.Splits;
import org.ganworkbook.eval.ParzenConfig;
import org.ganworkbook.eval.SigmaSelection;
import org.ganworkbook.gan.Checkpoint;
import org.ganworkbook.nn.Mlp;
import org.ganworkbook.paper.EvaluationProtocol;
import org.ganworkbook.paper.Experiment;
import org.ganworkbook.paper.ExperimentData;
import org.ganworkbook.paper.FoldedParzen;
import org.ganworkbook.paper.ParzenEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code gan-workbook evaluate}: the Parzen-window protocol of Table 1 (the authors' {@code parzen_ll.py})
 * on checkpoints. With several checkpoints and {@code --select}, the one with the best held-out score
 * (valid[1000:10000] at the sigma chosen on valid[0:1000]) is chosen first, and only its test set is scored.
 * A face generator (TFD or Olivetti; the checkpoint's config names its experiment) is scored as the paper scores TFD:
 * sigma chosen on each fold's validation part, the fold's test part scored, mean ± standard error across folds.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Parzen-window log-likelihood of checkpoints' generators, as in Table 1.",
                "MNIST: 10,000 samples; sigma from logspace(-1, 0, 10) chosen on the first 1,000 held-out images;",
                "mean log-likelihood of the 10,000 test images (nats) +- std/sqrt(N). Face generators (TFD, Olivetti):",
                "per fold, sigma chosen on the fold's whole validation part, its test part scored; mean +- standard",
                "error across folds."})
final class EvaluateCommand extends CliCommand {

    @Parameters(arity = "1..*", paramLabel = "CHECKPOINT", description = "Checkpoint files written by train.")
    List<Path> checkpoints;

    @Option(names = "--samples", defaultValue = "10000", paramLabel = "N",
            description = "Generator samples (kernel centres; the protocol uses ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sigma-grid", paramLabel = "START,END,COUNT", split = ",",
            description = "Sigma grid logspace(START, END, COUNT), as the authors' --sigma_start, --sigma_end,"
                    + " --cross_val (the protocol: -1,0,10). A finer grid shows what the coarse one costs; with"
                    + " --no-test it never touches the test set.")
    double[] sigmaGrid;

    @Option(names = "--seed", defaultValue = "2014", paramLabel = "S", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--select", description = "Score only the held-out images of every checkpoint, pick the best,"
            + " then score the test set of that one alone.")
    boolean select;

    @Option(names = "--no-test", description = "Never score the test set: only sigma and the held-out score"
            + " (for monitoring a run while it trains).")
    boolean noTest;

    @Option(names = "--best", paramLabel = "FILE", description = "With --select: copy the chosen checkpoint here"
            + " (e.g. runs/paper-mnist/best.ckpt, which notebook 07 loads).")
    Path best;


    @CommandLine.Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = out();
        withSigmaGrid(ParzenConfig.paperMnist()); // a malformed --sigma-grid fails before anything is read
        Experiment experiment = Experiment.of(Checkpoint.read(checkpoints.get(0)).config());
        if (experiment.protocol() == EvaluationProtocol.FOLDS) {
            return evaluateFolds(experiment, stdout);
        }
        Splits mnist = dataOptions.load(experiment).split();
        ParzenConfig paper = experiment.protocol().parzen();
        ParzenConfig protocol = withSigmaGrid(paper.withNumSamples(samples));
        stdout.println(protocol + (protocol.equals(paper) ? "" : "  (NOT the paper's protocol: " + paper + ")")
                + "; noise seed " + seed);
        List<ParzenEvaluation> results = new ArrayList<>();
        List<Checkpoint> cks = new ArrayList<>();
        for (Path file : checkpoints) {
            Checkpoint ck = Checkpoint.read(file);
            cks.add(ck);
            ParzenEvaluation e = evaluate(ck, mnist, protocol, !select && !noTest);
            results.add(e);
            stdout.printf(Locale.ROOT, "%s: epoch %d, step %d, %s%n", file, ck.completedEpochs(), ck.step(), e);
            stdout.println("  sigma curve (validation mean LL): " + curve(e.sigmaSelection()));
            stdout.flush();
        }
        if (noTest) {
            return 0;
        }
        if (select) {
            int chosen = bestIndex(results);
            Checkpoint ck = cks.get(chosen);
            stdout.printf(Locale.ROOT, "chosen by held-out score: %s (epoch %d, %.2f nats on valid[1000:10000])%n",
                    checkpoints.get(chosen), ck.completedEpochs(), results.get(chosen).heldOutMean());
            if (best != null) {
                java.nio.file.Files.copy(checkpoints.get(chosen), best,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                stdout.println("copied it to " + best);
            }
            ParzenEvaluation e = evaluate(ck, mnist, protocol, true);
            stdout.printf(Locale.ROOT, "TEST: %.2f ± %.2f nats (sigma %.4f; paper: adversarial nets 225 ± 2)%n  %s%n",
                    e.mean(), e.standardError(), e.sigma(), e);
        } else if (results.size() == 1) {
            ParzenEvaluation e = results.get(0);
            stdout.printf(Locale.ROOT, "TEST: %.2f ± %.2f nats (sigma %.4f; paper: adversarial nets 225 ± 2)%n",
                    e.mean(), e.standardError(), e.sigma());
        }
        return 0;
    }

    /** The TFD protocol (paper-setup §4) on every checkpoint: sigma per fold on its valid part, ± across folds. */
    private int evaluateFolds(Experiment experiment, PrintWriter stdout) throws java.io.IOException {
        if (select) {
            err().println("ERROR: --select needs a held-out score apart from the folds; it is"
                    + " only implemented for MNIST checkpoints. Evaluate the face checkpoints one by one.");
            return 2;
        }
        ParzenConfig protocol = withSigmaGrid(experiment.protocol().parzen().withNumSamples(samples));
        ExperimentData data = dataOptions.load(experiment);
        stdout.println(data.description() + "; " + protocol + "; noise seed " + seed);
        for (Path file : checkpoints) {
            Checkpoint ck = Checkpoint.read(file);
            FoldedParzen r = FoldedParzen.evaluate(ck.generator(), ck.config().noise(), data.splits(), protocol,
                    new SplittableRandom(seed));
            stdout.printf(Locale.ROOT, "%s: epoch %d, step %d%n%s%n", file, ck.completedEpochs(), ck.step(), r);
            stdout.printf(Locale.ROOT, "TEST: %.0f ± %.0f nats (paper, TFD: adversarial nets 2057 ± 26)%n", r.mean(),
                    r.standardError());
            stdout.flush();
        }
        return 0;
    }

    /** {@code protocol} with the grid of {@code --sigma-grid}, if given. */
    private ParzenConfig withSigmaGrid(ParzenConfig protocol) {
        if (sigmaGrid == null) {
            return protocol;
        }
        if (sigmaGrid.length != 3 || sigmaGrid[2] != Math.rint(sigmaGrid[2]) || sigmaGrid[2] < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sigma-grid takes START,END,COUNT (log10 of the smallest and largest"
                    + " sigma and a whole number of grid points >= 1), e.g. --sigma-grid -1,0,10; got "
                    + java.util.Arrays.toString(sigmaGrid));
        }
        return protocol.withSigmaGrid(sigmaGrid[0], sigmaGrid[1], (int) sigmaGrid[2]);
    }

    private ParzenEvaluation evaluate(Checkpoint ck, Splits mnist, ParzenConfig protocol, boolean scoreTest) {
        Mlp g = ck.generator();
        SplittableRandom rng = new SplittableRandom(seed);
        return scoreTest ? ParzenEvaluation.evaluate(g, ck.config().noise(), mnist, protocol, rng)
                : ParzenEvaluation.heldOutOnly(g, ck.config().noise(), mnist, protocol, rng);
    }

    static int bestIndex(List<ParzenEvaluation> results) {
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).heldOutMean() > results.get(best).heldOutMean()) {
                best = i;
            }
        }
        return best;
    }

    static String curve(SigmaSelection s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.sigmas().length; i++) {
            sb.append(String.format(Locale.ROOT, "%s%.4f:%.1f", i == 0 ? "" : "  ", s.sigmas()[i],
                    s.meanLogLikelihoods()[i]));
        }
        return sb.toString();
    }
}
