/* reach-report.h — the reach report, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short report for a board: a cover with the period, the scope and the
 * headline figures (activities, people reached, areas reached, groups not
 * yet reached); for each characteristic with a census baseline, the
 * reached-against-population chart and the gap table; the map; the share
 * of activities at each rung of the ladder of participation; and "you
 * said, we did" with what is still open.  Every count of people passes
 * the workspace's small-numbers rule (reach-suppress.h), with the shares
 * and intervals derived from it, and the report says so; counts of
 * activities, groups, areas and "you said" items are not people and are
 * shown as they are.  Text stays text (cairo PDF with pango); pages are numbered.
 */
#pragma once

#include "reach-db.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *title;         /* NULL: "Reach report" */
  const char         *from;          /* "YYYY-MM-DD", inclusive; NULL: no limit */
  const char         *to;
  const char * const *scope;         /* area codes; NULL or empty: everywhere */
  const char         *mbtiles_path;  /* NULL: the bundled base map */
  GDateTime          *now;           /* the date printed; NULL: now */
} ReachReportOptions;

/* Writes the report to path (A4 portrait).  Errors from the analysis
 * (REACH_GAPS_ERROR for a bad period or scope) leave no file behind. */
gboolean    reach_report_write_pdf    (ReachDb                  *db,
                                       const ReachReportOptions *options,
                                       const char               *path,
                                       GError                  **error);

G_END_DECLS
