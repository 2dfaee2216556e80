package org.ganworkbook.paper;

import org.ganworkbook.data.Splits;
import org.ganworkbook.gan.GanConfig;
import org.ganworkbook.gan.TwoStageGan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry of experiments: names, configs, lengths, protocols, and the data each loads. */
class ExperimentTest {

    @Test
    void namesAreTheConfigsNamesAndLookUpBothWays() {
        assertEquals(List.of("paper-mnist", "paper-tfd-pretrain", "paper-tfd-train", "olivetti", "olivetti-32"),
                Experiment.names());
        for (Experiment e : Experiment.all()) {
            assertSame(e, Experiment.named(e.name()));
            assertSame(e, Experiment.of(e.config()));
            assertEquals(e.name(), e.config().name());
        }
        assertEquals(GanConfig.paperMnist(), Experiment.PAPER_MNIST.config());
        assertEquals(GanConfig.olivetti32(), Experiment.OLIVETTI_32.config());
        assertEquals(GanConfig.paperTfdTrain(), Experiment.PAPER_TFD_TRAIN.config());
    }

    @Test
    void defaultLengthsAreThePapersWhereItHasOne() {
        assertEquals(TwoStageGan.paperTfd().pretrainEpochs(), Experiment.PAPER_TFD_PRETRAIN.defaultEpochs());
        assertEquals(TwoStageGan.paperTfd().trainEpochs(), Experiment.PAPER_TFD_TRAIN.defaultEpochs());
        assertEquals(50, Experiment.PAPER_TFD_PRETRAIN.defaultEpochs());
        assertEquals(22, Experiment.PAPER_TFD_TRAIN.defaultEpochs());
        assertEquals(Experiment.MNIST_EPOCHS, Experiment.PAPER_MNIST.defaultEpochs());
        assertEquals(Experiment.OLIVETTI_EPOCHS, Experiment.OLIVETTI_32.defaultEpochs());
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Experiment.named("mnist"));
        assertTrue(e.getMessage().contains("'mnist'") && e.getMessage().contains("paper-mnist, paper-tfd-pretrain"),
                e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Experiment.of(GanConfig.paperMnist().withName("small")));
        assertTrue(c.getMessage().contains("'small'") && c.getMessage().contains("olivetti-32"), c.getMessage());
    }

    @Test
    void mnistLoadsOneSplitScoredOnHeldOutImages() {
        ExperimentData d = Experiment.PAPER_MNIST.load();
        assertEquals(EvaluationProtocol.HELD_OUT_SPLIT, d.protocol());
        Splits s = d.split();
        assertEquals(50_000, d.train().numRows);
        assertEquals(784, d.train().numCols);
        assertEquals(10_000, s.valid().size());
        assertSame(s.train().images(), d.train());
    }

    @Test
    void smallFacesLoadFoldsAndMirroredTrainingImages() {
        ExperimentData d = Experiment.OLIVETTI_32.load();
        assertEquals(EvaluationProtocol.FOLDS, d.protocol());
        assertEquals(5, d.splits().size());
        assertEquals(600, d.train().numRows, "300 training faces and their mirror images");
        assertEquals(Experiment.OLIVETTI_32.config().dataDim(), d.train().numCols);
        assertThrows(IllegalStateException.class, d::split);
        assertEquals(4096, Experiment.OLIVETTI.load().train().numCols);
    }
}
