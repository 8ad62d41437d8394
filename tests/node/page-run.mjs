// A playground state trained in Node as the page's worker trains it (state -> plan -> data,
// model -> a fit session, one epoch at a time), for tests that compare the page with the module.

/** Per epoch { loss, valLoss, acc, valAcc } of the state that `hash` opens (seed '1' unless it says). */
export function trainLikePage(nn, hash, epochs = 5) {
  const setup = nn.playground.setup(nn.state.parse(hash, '1').state);
  const data = nn.playground.prepareData(setup);
  const model = nn.playground.buildModel(setup);
  const session = model.beginFit(data.train.x, data.train.y, {
    batchSize: nn.playground.batchRows(setup.fit.batchSize, data.train.x.shape[0]), epochs,
    validationData: [data.valid.x, data.valid.y], seed: setup.modelSeed,
  });
  const out = [];
  while (!session.done) {
    const { logs } = session.runEpoch();
    const acc = Object.keys(logs).find((k) => /^(tanh|binary|categorical)_accuracy$/.test(k));
    out.push({ loss: logs.loss, valLoss: logs.val_loss, acc: logs[acc], valAcc: logs[`val_${acc}`] });
  }
  session.end();
  model.dispose();
  return out;
}
