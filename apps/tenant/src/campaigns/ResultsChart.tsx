// Per day, from the first text to the end of the 7-day attribution window: texts sent, first
// replies and credited bookings, as grouped bars (Recharts). The same figures are in a table for
// screen readers; the chart follows its container's width, down to a phone's.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TimelineDay = { day: string; sent: number; replies: number; bookings: number };

/** The tokens' primary, success and warning text colours: SVG attributes take plain colours. */
const SERIES = [
  { key: "sent", name: "Texts sent", color: "#2a4fd6" },
  { key: "replies", name: "Replies", color: "#8a4b06" },
  { key: "bookings", name: "Bookings", color: "#176437" },
] as const;

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

export function ResultsChart({ timeline }: { timeline: readonly TimelineDay[] }) {
  const data = timeline.map((day) => ({ ...day, label: dayLabel(day.day) }));
  return (
    <figure className="campaign-chart">
      <figcaption className="sp-visually-hidden">Texts sent, replies and bookings per day</figcaption>
      <div className="campaign-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((series) => (
              <Bar key={series.key} dataKey={series.key} name={series.name} fill={series.color} maxBarSize={24} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sp-visually-hidden">
        <caption>Results per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.label}</th>
              <td>{day.sent}</td>
              <td>{day.replies}</td>
              <td>{day.bookings}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
