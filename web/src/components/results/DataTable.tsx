export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  /** The first cell of each row is its header (an option, a value, a word). */
  rows: ReadonlyArray<{ key: string; cells: ReadonlyArray<string | number> }>;
}

/**
 * The numbers behind a chart for screen readers. Charts are role="img" with a one-line summary;
 * this table gives the same numbers cell by cell. Visually hidden with the app's global utility,
 * on a wrapper: a table ignores `width: 1px` and would still widen the page on a phone.
 */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
