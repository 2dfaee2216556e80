/**
 * The paper's experiments as the command line and notebooks 07/08 run them, above the trainer:
 * {@link org.ganworkbook.paper.Experiment} (name, config, data, default length, evaluation protocol),
 * Table 1's Parzen-window protocols ({@link org.ganworkbook.paper.ParzenEvaluation} for MNIST,
 * {@link org.ganworkbook.paper.FoldedParzen} for the face sets' folds), Figures 2 and 3
 * ({@link org.ganworkbook.paper.Figures}), the live training picture of notebooks 07/08
 * ({@link org.ganworkbook.paper.TrainingDashboard}) and where command-line runs keep their checkpoints
 * ({@link org.ganworkbook.paper.Runs}).
 *
 * <pre>{@code
 * Experiment mnist = Experiment.PAPER_MNIST;
 * ExperimentData data = mnist.load();
 * GanTrainer trainer = GanTrainer.create(mnist.config(), GanData.of(data.train()), 2014L);
 * trainer.trainEpochs(5);
 * ParzenEvaluation table1 = ParzenEvaluation.evaluate(trainer.generator(), mnist.config().noise(), data.split(),
 *         mnist.protocol().parzen(), new SplittableRandom(2014));
 * }</pre>
 * This package may import {@code gan}, {@code eval}, {@code data}, {@code plot} and the packages below them;
 * {@code gan} never imports it.
 */
package org.ganworkbook.paper;
