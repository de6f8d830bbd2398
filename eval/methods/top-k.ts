/**
 * The `k` best candidates by score, best first; ties go to the lower doc index, so rankings
 * are deterministic. Candidates scored `-Infinity` are left out. Uses a bounded min-heap, so
 * ranking thousands of candidates for a short list stays linear.
 */
export function topK(candidates: ArrayLike<number>, scores: ArrayLike<number>, k: number): number[] {
  const heapDoc: number[] = [];
  const heapScore: number[] = [];
  // "a is worse than b": lower score, or equal score and higher doc index.
  const worse = (i: number, j: number) => heapScore[i]! < heapScore[j]! || (heapScore[i] === heapScore[j] && heapDoc[i]! > heapDoc[j]!);
  const swap = (i: number, j: number) => {
    [heapDoc[i], heapDoc[j]] = [heapDoc[j]!, heapDoc[i]!];
    [heapScore[i], heapScore[j]] = [heapScore[j]!, heapScore[i]!];
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heapDoc.length && worse(l, m)) m = l;
      if (r < heapDoc.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m); i = m;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const doc = candidates[c]!, s = scores[c]!;
    if (s === -Infinity || k <= 0) continue;
    if (heapDoc.length < k) {
      heapDoc.push(doc); heapScore.push(s);
      for (let i = heapDoc.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p); i = p;
      }
    } else if (s > heapScore[0]! || (s === heapScore[0] && doc < heapDoc[0]!)) {
      heapDoc[0] = doc; heapScore[0] = s; down(0);
    }
  }
  const order = heapDoc.map((_, i) => i).sort((a, b) => heapScore[b]! - heapScore[a]! || heapDoc[a]! - heapDoc[b]!);
  return order.map((i) => heapDoc[i]!);
}
