package org.ganworkbook.paper;

import org.ganworkbook.eval.ParzenConfig;

/**
 * How Table 1 scores an experiment's generator (Goodfellow et al. 2014, §5; paper-setup §4).
 */
public enum EvaluationProtocol {

    /**
     * MNIST: one train/valid/test split; sigma chosen on valid[0:1000], the test set scored
     * ({@link ParzenEvaluation}); the rest of valid is a held-out score for choosing checkpoints.
     */
    HELD_OUT_SPLIT(ParzenConfig.paperMnist()),

    /**
     * TFD (and the Olivetti faces): per fold, sigma chosen on the fold's validation part and its test part
     * scored; mean ± standard error across folds ({@link FoldedParzen}).
     */
    FOLDS(ParzenConfig.paperTfd());

    private final ParzenConfig parzen;

    EvaluationProtocol(ParzenConfig parzen) {
        this.parzen = parzen;
    }

    /** The protocol's sample count and sigma grid. */
    public ParzenConfig parzen() {
        return parzen;
    }
}
