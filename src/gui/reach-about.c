/* reach-about.c
 *
 * The About window: version, licence, and the attribution the open data
 * and the libraries Reach ships with ask for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "reach-about"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <shumate/shumate.h>
#include <sqlite3.h>

#include "reach-about.h"

#define OGL_V3_URL "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
#define ODBL_URL "https://opendatacommons.org/licenses/odbl/"

/* The same notes as the 0.1.0 release in the metainfo. */
static const char *release_notes =
  "<p>The first release.</p>"
  "<ul>"
  "<li>Workspaces kept in one SQLite file on your computer</li>"
  "<li>Places imported from CSV and GeoJSON, with venue accessibility, on an offline base map of the United Kingdom</li>"
  "<li>Contacts with consent and communication needs, subject access and erasure</li>"
  "<li>Community groups, engagement activities, and you said, we did</li>"
  "<li>Gap analysis against Census 2021 baselines in reach-cli</li>"
  "<li>A demo workspace of open data about Leeds</li>"
  "</ul>";

/* The licences ask for these words as written, so they are not translated. */
static void
add_data_sections (AdwAboutWindow *about)
{
  adw_about_window_add_legal_section (about,
                                      _("Base map and Horsforth community assets"),
                                      "© OpenStreetMap contributors, ODbL",
                                      GTK_LICENSE_CUSTOM,
                                      "Available under the <a href=\"" ODBL_URL "\">Open Database Licence</a>. "
                                      "See <a href=\"https://www.openstreetmap.org/copyright\">openstreetmap.org/copyright</a>. "
                                      "The offline tiles are copied unchanged from wsprtv.github.io.");

  adw_about_window_add_legal_section (about,
                                      _("Leeds boundaries and Census 2021 tables"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      "Contains public sector information licensed under the "
                                      "<a href=\"" OGL_V3_URL "\">Open Government Licence v3.0</a>. "
                                      "Source: Office for National Statistics. "
                                      "Contains OS data © Crown copyright and database right 2021–2023.");

  adw_about_window_add_legal_section (about,
                                      _("Leeds libraries"),
                                      "DCMS Libraries Taskforce, Public libraries in England: basic dataset",
                                      GTK_LICENSE_CUSTOM,
                                      "Contains public sector information licensed under the "
                                      "<a href=\"" OGL_V3_URL "\">Open Government Licence v3.0</a>.");
}

static void
add_library_sections (AdwAboutWindow *about)
{
  adw_about_window_add_legal_section (about, "GTK", "© The GTK Team",
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "libadwaita", "© Purism SPC and the libadwaita authors",
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "libshumate", "© The libshumate authors",
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "json-glib", "© Emmanuele Bassi and the json-glib authors",
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "libcsv", "© Robert Gamble",
                                      GTK_LICENSE_LGPL_2_1, NULL);
  adw_about_window_add_legal_section (about, "SQLite", NULL, GTK_LICENSE_CUSTOM,
                                      _("SQLite is in the public domain."));
}

static void
add_credit_sections (AdwAboutWindow *about)
{
  const char *data_sources[] = {
    "OpenStreetMap contributors https://www.openstreetmap.org/copyright",
    "Office for National Statistics https://www.ons.gov.uk/",
    "Ordnance Survey https://www.ordnancesurvey.co.uk/",
    "DCMS Libraries Taskforce https://www.gov.uk/government/collections/libraries-taskforce",
    NULL
  };
  const char *libraries[] = {
    "GTK https://www.gtk.org/",
    "libadwaita https://gitlab.gnome.org/GNOME/libadwaita",
    "libshumate https://gitlab.gnome.org/GNOME/libshumate",
    "SQLite https://www.sqlite.org/",
    "json-glib https://gitlab.gnome.org/GNOME/json-glib",
    "libcsv https://github.com/rgamble/libcsv",
    NULL
  };

  adw_about_window_add_acknowledgement_section (about, _("Map and Data"), data_sources);
  adw_about_window_add_acknowledgement_section (about, _("Built With"), libraries);
}

/* Versions in use, for bug reports. */
static char *
build_debug_info (void)
{
  return g_strdup_printf ("Reach %s\n"
                          "GTK %u.%u.%u\n"
                          "libadwaita %u.%u.%u\n"
                          "libshumate %d.%d.%d (built against)\n"
                          "json-glib %s (built against)\n"
                          "SQLite %s\n",
                          PACKAGE_VERSION,
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          SHUMATE_MAJOR_VERSION, SHUMATE_MINOR_VERSION, SHUMATE_MICRO_VERSION,
                          JSON_VERSION_S,
                          sqlite3_libversion ());
}

GtkWidget *
reach_about_window_new (GtkWindow *parent)
{
  const char *developers[] = { "The Reach developers https://github.com/reachmap/reach", NULL };
  g_autofree char *debug_info = build_debug_info ();
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  adw_about_window_set_application_name (about, _("Reach"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, "The Reach developers");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Map who your service reaches and who it misses: community assets, "
                                   "accessible venues, and the groups engagement has not reached yet."));
  adw_about_window_set_website (about, "https://github.com/reachmap/reach");
  adw_about_window_set_issue_url (about, "https://github.com/reachmap/reach/issues");
  adw_about_window_set_copyright (about, "© 2026 The Reach developers");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one a line, to be credited. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  adw_about_window_set_release_notes_version (about, "0.1.0");
  adw_about_window_set_release_notes (about, release_notes);
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "reach-debug-info.txt");

  add_credit_sections (about);
  add_data_sections (about);
  add_library_sections (about);

  return GTK_WIDGET (about);
}

void
reach_about_show (GtkWindow *parent)
{
  gtk_window_present (GTK_WINDOW (reach_about_window_new (parent)));
}
