/**
 * Training GANs: the experiment as data ({@link org.ganworkbook.gan.GanConfig}, with
 * {@code paperMnist()} mirroring the authors' released {@code mnist.yaml}), one generic trainer for
 * Algorithm 1 of Goodfellow et al. 2014 (§4) in both its sequential form and the released code's
 * simultaneous form ({@link org.ganworkbook.gan.GanTrainer}), its history as Tablesaw tables, listeners
 * for live plots, bit-identical checkpoints, and sampling from a trained generator. The paper's experiments
 * (data, evaluation, figures) sit above it, in {@code org.ganworkbook.paper}; this package imports only
 * {@code nn}, {@code optim} and {@code sampling}.
 *
 * <p>The paper's MNIST run (§5, Figure 2a, Table 1):
 * <pre>{@code
 * Splits mnist = Mnist.load();
 * GanConfig config = GanConfig.paperMnist();                 // printed by toString
 * GanTrainer trainer = GanTrainer.create(config, GanData.of(mnist.train().images()), 2014L);
 * trainer.addListener(new TrainingListener() {
 *     public void onEpoch(TrainingRecord r, GanTrainer t) { System.out.println(r); }
 * });
 * TrainingResult result = trainer.trainEpochs(5);            // 500 iterations per epoch
 * Table perEpoch = trainer.history().epochs();               // dLoss, gLoss, dReal, dFake, lr, momentum, it/s
 * FMatrixRMaj xFake = trainer.sample(20, new SplittableRandom(1));
 * trainer.save(Path.of("mnist.ckpt"));                       // GanTrainer.load(path, data) continues exactly
 * }</pre>
 *
 * <p>A toy game (the theory notebooks): any layer specs, any prior, data from a sampler, sequential
 * updates with k D steps, the saturating loss, or one player frozen:
 * <pre>{@code
 * GanConfig toy = GanConfig.toy1d().withK(3).withGeneratorLoss(GeneratorLoss.SATURATING);
 * GanTrainer t = GanTrainer.create(toy, GanData.of(Gaussian1d.of(4, 0.5), 100), 7L);   // 100 batches = 1 epoch
 * t.trainSteps(2000);
 * t.setConfig(toy.withFrozen(Frozen.DISCRIMINATOR));   // G alone against a fixed D (§6, "Helvetica")
 * t.trainSteps(500);
 * }</pre>
 * Training stops between two iterations when the thread is interrupted, on {@code requestStop()}, or on a
 * NaN/infinite loss, and says why in its {@link org.ganworkbook.gan.TrainingResult}; the library prints
 * nothing.
 */
package org.ganworkbook.gan;
