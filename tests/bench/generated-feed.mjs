// The big-feed benchmarks' feed (big-feeds.mjs, ab-dists.mjs,
// profile-worker.mjs): a caseload of 10 units × 4 categories × `days`
// daily periods; 280 days make about 1 MB, 4 175 days 15 MB (167 000 records).
export function generatedCaseload(days) {
  const units = Array.from({ length: 10 }, (_, i) => ({ id: `district-${i + 1}`, label: `Муниципальный округ ${i + 1}` }));
  const categories = ['pensioners-living-alone', 'families-with-children', 'people-with-disabilities', 'low-income-citizens']
    .map((id, i) => ({ id, label: ['Одинокие пенсионеры', 'Семьи с детьми', 'Люди с инвалидностью', 'Малоимущие граждане'][i] }));
  const start = Date.UTC(2014, 0, 1);
  const records = [];
  for (let d = 0; d < days; d++) {
    const period = new Date(start + d * 86400000).toISOString().slice(0, 10);
    for (const [u, unit] of units.entries()) {
      for (const [c, category] of categories.entries()) records.push({ period, unit: unit.id, category: category.id, value: (d * 7 + u * 13 + c * 31) % 500 });
    }
  }
  return JSON.stringify({ opeka: 1, kind: 'caseload', title: 'Обращения за социальной поддержкой', measure: { label: 'Обращения' }, units, categories, records });
}
