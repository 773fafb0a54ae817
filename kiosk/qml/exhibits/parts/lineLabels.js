.pragma library

// Places for the values of a line chart that never cover each other or another point: the
// highest point of a category has its value above, lower ones below, else beside; a value with
// no free place is left out (a tap on the chart shows it).
//
// Returns, by series then category, {x, y, shown} in plot coordinates. `slotX(c)` and `valueY(v)`
// give a point's place, `measure(text)` a value's width; values may reach `headroom` above the plot.
function place(series, count, width, height, slotX, valueY, measure, textHeight, unit, headroom) {
    const result = series.map(() => []);
    if (width <= 0 || height <= 0)
        return result;
    const gap = unit * 1.5;
    const dot = unit * 2;
    const taken = [];
    const overlaps = (a, b) => a.x < b.x + b.w + 2 && b.x < a.x + a.w + 2
                               && a.y < b.y + b.h + 2 && b.y < a.y + a.h + 2;
    for (let s = 0; s < series.length; ++s) {
        for (let c = 0; c < count; ++c)
            taken.push({ x: slotX(c) - dot / 2, y: valueY(series[s].values[c]) - dot / 2, w: dot, h: dot });
    }
    for (let c = 0; c < count; ++c) {
        const order = series.map((one, s) => s)
            .sort((a, b) => series[b].values[c] - series[a].values[c] || a - b);
        for (let rank = 0; rank < order.length; ++rank) {
            const s = order[rank];
            const px = slotX(c);
            const py = valueY(series[s].values[c]);
            const w = measure(series[s].valueTexts[c]) + 2;
            const above = { x: px - w / 2, y: py - textHeight - gap, w: w, h: textHeight };
            const below = { x: px - w / 2, y: py + gap, w: w, h: textHeight };
            const right = { x: px + gap * 1.5, y: py - textHeight / 2, w: w, h: textHeight };
            const left = { x: px - gap * 1.5 - w, y: py - textHeight / 2, w: w, h: textHeight };
            const tries = rank === 0 ? [above, right, left, below] : [below, right, left, above];
            const free = tries.find(box => box.y >= -headroom && box.y + box.h <= height
                                           && box.x >= -gap && box.x + box.w <= width + gap
                                           && !taken.some(other => overlaps(box, other)));
            result[s][c] = free ? { x: free.x, y: free.y, shown: true } : { x: 0, y: 0, shown: false };
            if (free)
                taken.push(free);
        }
    }
    return result;
}
