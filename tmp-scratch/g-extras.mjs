import { init } from 'nnplay';
const nn = await init();
const d = nn.datasets.generate({ type: 'gauss3', noise: 0, seed: 1 });
const m = [[0,0,0],[0,0,0],[0,0,0]];
for (let r = 0; r < 500; r++) { const c = d.labels.data.subarray(r*3, r*3+3).indexOf(1); m[c][0]+=d.points.data[r*2]; m[c][1]+=d.points.data[r*2+1]; m[c][2]++; }
console.log(m.map(([x,y,n]) => [x/n, y/n, n]));
console.log(nn.state.parse ? 'parse' : '', Object.keys(nn.state), Object.keys(nn.codegen), Object.keys(nn.playground));
