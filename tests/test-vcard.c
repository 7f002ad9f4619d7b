/* test-vcard.c — vCard 2.1, 3.0 and 4.0: the ez-vcard samples and broken cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "reach-vcard.h"
#include "reach-testutil.h"

static GPtrArray *
parse_text (const char  *text,
            GError     **error)
{
  return reach_vcard_parse (text, strlen (text), error);
}

static GPtrArray *
contacts_of_file (const char *name)
{
  g_autofree char *path = reach_test_file ("data", "ez-vcard", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  cards = reach_vcard_parse (data, length, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < cards->len; i++)
    {
      ReachContact *contact = reach_vcard_card_to_contact (g_ptr_array_index (cards, i));

      g_assert_nonnull (contact);
      g_ptr_array_add (contacts, contact);
    }

  return contacts;
}

#define CONTACT(list, i) ((ReachContact *) g_ptr_array_index ((list), (i)))

/* Every sample reads; the count of cards and who is in them. */
static void
test_samples (void)
{
  static const struct {
    const char *file;
    guint       n;
    const char *first_name;
    const char *first_email;
  } samples[] = {
    { "John_Doe_ANDROID.vcf", 6, "john.doe@company.com", "john.doe@company.com" },
    { "John_Doe_BLACK_BERRY.vcf", 1, "John Doe", NULL },
    { "John_Doe_EVOLUTION.vcf", 1, "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com" },
    { "John_Doe_GMAIL.vcf", 1, "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com" },
    { "John_Doe_IPHONE.vcf", 1, "Mr. John Richter James Doe Sr.", "john.doe@ibm.com" },
    { "John_Doe_LOTUS_NOTES.vcf", 1, "Mr. Doe John I Johny", "john.doe@ibm.com" },
    { "John_Doe_MAC_ADDRESS_BOOK.vcf", 1, "Mr. John Richter,James Doe Sr.", "john.doe@ibm.com" },
    { "John_Doe_MS_OUTLOOK.vcf", 1, "Mr. John Richter James Doe Sr.", "john.doe@ibm.cm" },
    { "fullcontact.vcf", 1, "Prefix FirstName MiddleName LastName Suffix", "home@example.com" },
    { "gmail-list.vcf", 3, "Arnold Smith", "asmithk@gmail.com" },
    { "gmail-single.vcf", 1, "Greg Dartmouth", "gdartmouth@hotmail.com" },
    { "gmail-single2.vcf", 1, "VCard Test", "email@example.com" },
    { "issue114.vcf", 1, "Dummy, Dummy", "dummy.dummy@dummy.com" },
    { "outlook-2003.vcf", 1, "John Doe III", "jdoe@hotmail.com" },
    { "outlook-2007.vcf", 1, "Mr. Michael Angstadt Jr.", "mike.angstadt@gmail.com" },
    { "rfc2426-example.vcf", 2, "Frank Dawson", "Frank_Dawson@Lotus.com" },
    { "rfc6350-example.vcf", 1, "Simon Perreault", "simon.perreault@viagenie.ca" },
    { "thunderbird-MoreFunctionsForAddressBook-extension.vcf", 1, "John Doe", "doe.john@hotmail.com" },
  };
  g_autofree char *dir = reach_test_file ("data", "ez-vcard", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_files = 0;

  /* every .vcf shipped is in the table above */
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".vcf"))
      {
        gboolean listed = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
          listed |= g_str_equal (samples[i].file, name);
        g_assert_true (listed);
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (samples));

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GPtrArray) contacts = contacts_of_file (samples[i].file);

      g_test_message ("%s", samples[i].file);
      g_assert_cmpuint (contacts->len, ==, samples[i].n);
      g_assert_cmpstr (CONTACT (contacts, 0)->name, ==, samples[i].first_name);
      g_assert_cmpstr (CONTACT (contacts, 0)->email, ==, samples[i].first_email);
      for (guint c = 0; c < contacts->len; c++)
        {
          g_autoptr(GError) error = NULL;

          /* no consent comes with a card */
          g_assert_cmpint (reach_contact_get_consent_state (CONTACT (contacts, c)), ==, REACH_CONSENT_NONE);
          g_assert_true (g_utf8_validate (CONTACT (contacts, c)->name, -1, NULL));
        }
    }
}

/* 2.1: QUOTED-PRINTABLE in UTF-8 with soft line breaks, bare parameters. */
static void
test_android_quoted_printable (void)
{
  g_autoptr(GPtrArray) contacts = contacts_of_file ("John_Doe_ANDROID.vcf");

  g_assert_cmpstr (CONTACT (contacts, 2)->name, ==, "Ñ Ñ Ñ Ñ Ñ");
  g_assert_cmpstr (CONTACT (contacts, 2)->phone, ==, "123456789");
  /* soft break "=" at the end of a line joins the next one */
  g_assert_cmpstr (CONTACT (contacts, 3)->name, ==, "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ");
  g_assert_cmpstr (CONTACT (contacts, 4)->email, ==, "bob@company.com");   /* the PREF one */
}

static void
test_outlook_2003 (void)
{
  g_autoptr(GPtrArray) contacts = contacts_of_file ("outlook-2003.vcf");
  ReachContact *c = CONTACT (contacts, 0);

  g_assert_cmpstr (c->address, ==, "TheOffice, 123 Main St, Austin, TX, United States of America");
  g_assert_cmpstr (c->postcode, ==, "12345");
  /* QP note with =0D=0A line breaks, broken over lines */
  g_assert_nonnull (strstr (c->notes, "This is the note field!!\r\nSecond line\r\n\r\nThird line is empty"));
  g_assert_nonnull (strstr (c->notes, "Organisation: Company, The, TheDepartment"));
}

static void
test_folding_and_escapes (void)
{
  g_autoptr(GPtrArray) evolution = contacts_of_file ("John_Doe_EVOLUTION.vcf");
  g_autoptr(GPtrArray) rfc2426 = contacts_of_file ("rfc2426-example.vcf");
  g_autoptr(GPtrArray) rfc6350 = contacts_of_file ("rfc6350-example.vcf");
  g_autoptr(GPtrArray) lotus = contacts_of_file ("John_Doe_LOTUS_NOTES.vcf");

  /* a folded EMAIL, "\," in FN */
  g_assert_cmpstr (CONTACT (evolution, 0)->email, ==, "john.doe@ibm.com");
  g_assert_cmpstr (CONTACT (evolution, 0)->phone, ==, "905-666-1234");
  g_assert_nonnull (strstr (CONTACT (evolution, 0)->notes, "WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE"));
  /* "BEGIN:vCard", LF line ends, ADR folded in the middle */
  g_assert_cmpstr (CONTACT (rfc2426, 1)->name, ==, "Tim Howes");
  g_assert_cmpstr (CONTACT (rfc2426, 1)->address, ==, "501 E. Middlefield Rd., Mountain View, CA, U.S.A.");
  g_assert_cmpstr (CONTACT (rfc2426, 1)->postcode, ==, "94043");
  /* 4.0 GEO URI and TEL URI; 3.0 GEO */
  g_assert_true (CONTACT (rfc6350, 0)->has_location);
  g_assert_cmpfloat_with_epsilon (CONTACT (rfc6350, 0)->lat, 46.772673, 1e-9);
  g_assert_cmpfloat_with_epsilon (CONTACT (rfc6350, 0)->lon, -71.282945, 1e-9);
  g_assert_cmpstr (CONTACT (rfc6350, 0)->phone, ==, "+1-418-656-9254 x 102");
  g_assert_true (CONTACT (lotus, 0)->has_location);
  g_assert_cmpfloat_with_epsilon (CONTACT (lotus, 0)->lat, -2.6, 1e-9);
}

static void
test_split_value (void)
{
  g_auto(GStrv) parts = reach_vcard_split_value ("Doe;John\\; Jr;;a\\,b\\nc\\\\", ';');

  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpstr (parts[0], ==, "Doe");
  g_assert_cmpstr (parts[1], ==, "John; Jr");
  g_assert_cmpstr (parts[2], ==, "");
  g_assert_cmpstr (parts[3], ==, "a,b\nc\\");
}

static void
test_charset_and_photo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_text ("BEGIN:VCARD\r\n"
                                           "VERSION:2.1\r\n"
                                           "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
                                           "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
                                           " AAgAAYdpAAQAAAABAAAAGgAAAAAAAqACAAQAAAABAAAAyKADAAQAAA\r\n"
                                           "\r\n"
                                           "TEL;HOME:0113 496 0001\r\n"
                                           "ORG:Leeds Irish Centre\r\n"
                                           "END:VCARD\r\n"
                                           "BEGIN:VCARD\r\n"
                                           "VERSION:4.0\r\n"
                                           "KIND:org\r\n"
                                           "FN:Chapeltown Community Centre\r\n"
                                           "ORG:Chapeltown Community Centre\r\n"
                                           "ADR:;;Reginald Terrace;Leeds;;ls7 3ex;UK\r\n"
                                           "END:VCARD\r\n", &error);
  g_autoptr(ReachContact) person = NULL;
  g_autoptr(ReachContact) org = NULL;
  const ReachVcardProperty *photo;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  person = reach_vcard_card_to_contact (g_ptr_array_index (cards, 0));
  g_assert_cmpstr (person->name, ==, "Jürgen Müller");
  g_assert_cmpstr (person->phone, ==, "0113 496 0001");
  g_assert_cmpint (person->kind, ==, REACH_CONTACT_PERSON);
  photo = reach_vcard_card_get (g_ptr_array_index (cards, 0), "PHOTO");
  g_assert_null (photo);   /* binary is skipped */

  org = reach_vcard_card_to_contact (g_ptr_array_index (cards, 1));
  g_assert_cmpint (org->kind, ==, REACH_CONTACT_ORGANISATION);
  g_assert_cmpstr (org->postcode, ==, "LS7 3EX");
  g_assert_cmpstr (org->address, ==, "Reginald Terrace, Leeds, UK");
}

/* 8-bit text: in its CHARSET, or (named nowhere) as Windows-1252. */
static void
test_eight_bit (void)
{
  static const char text[] = "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                             "N;CHARSET=ISO-8859-1:M\xfcller;J\xfcrgen\r\n"
                             "NOTE:Caf\xe9 \x80""5 voucher\r\n"
                             "END:VCARD\r\n"
                             "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\xc3\xab\r\nEND:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = parse_text (text, &error);
  g_autoptr(ReachContact) first = NULL;
  g_autoptr(ReachContact) second = NULL;

  g_assert_no_error (error);
  first = reach_vcard_card_to_contact (g_ptr_array_index (cards, 0));
  second = reach_vcard_card_to_contact (g_ptr_array_index (cards, 1));
  g_assert_cmpstr (first->name, ==, "Jürgen Müller");
  g_assert_cmpstr (first->notes, ==, "Café €5 voucher");
  g_assert_true (((ReachVcardCard *) g_ptr_array_index (cards, 0))->charset_guessed);
  g_assert_cmpstr (second->name, ==, "Zoë");
  g_assert_false (((ReachVcardCard *) g_ptr_array_index (cards, 1))->charset_guessed);
}

static void
test_malformed (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *fragment;
  } cases[] = {
    { "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\n", REACH_VCARD_ERROR_SYNTAX, "line 1: the card that starts here has no END:VCARD" },
    { "BEGIN:VCARD\nFN:Ann\nBEGIN:VCARD\nFN:Bo\nEND:VCARD\n", REACH_VCARD_ERROR_SYNTAX, "line 3:" },
    { "BEGIN:VCARD\nFN:Ann\nthis is not a property\nEND:VCARD\n", REACH_VCARD_ERROR_SYNTAX, "line 3:" },
    { "FN:Ann\n", REACH_VCARD_ERROR_SYNTAX, "line 1:" },
    { "BEGIN:VCARD\nFN:Ann\nEND:VCARD\nEND:VCARD\n", REACH_VCARD_ERROR_SYNTAX, "line 4:" },
    { "name,email\nAnn,ann@example.org\n", REACH_VCARD_ERROR_SYNTAX, "line 1:" },
    { "\n\n", REACH_VCARD_ERROR_EMPTY, "no cards" },
    { "BEGIN:VCARD\nFN:Ann\nPHOTO:\0\x01\nEND:VCARD\n", REACH_VCARD_ERROR_ENCODING, "line 3:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      /* the texts are C strings except where they hold a NUL: measure to the last "\n" */
      gsize length = strlen (cases[i].text);
      g_autoptr(GPtrArray) cards = NULL;

      if (strstr (cases[i].text, "PHOTO:") != NULL)
        length = 32;
      cards = reach_vcard_parse (cases[i].text, length, &error);

      g_assert_null (cards);
      g_assert_error (error, REACH_VCARD_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

/* Damaged copies of the samples: each is read or refused with a line
 * number, never crashes, and never yields text that is not UTF-8. */
static void
test_mutations (void)
{
  static const char * const files[] = {
    "John_Doe_ANDROID.vcf", "outlook-2003.vcf", "John_Doe_EVOLUTION.vcf", "rfc6350-example.vcf",
    "John_Doe_IPHONE.vcf", "issue114.vcf",
  };
  static const char damage[] = "\n\r:;=\\ \t,\"A";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20251126);
  guint n_read = 0, n_refused = 0;

  for (guint iter = 0; iter < 600; iter++)
    {
      g_autofree char *path = reach_test_file ("data", "ez-vcard", files[iter % G_N_ELEMENTS (files)], NULL);
      g_autofree char *data = NULL;
      g_autoptr(GPtrArray) cards = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      guint n = g_rand_int_range (rand, 1, 8);

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (guint k = 0; k < n && length > 0; k++)
        {
          gsize at = g_rand_int_range (rand, 0, length);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: data[at] = damage[g_rand_int_range (rand, 0, sizeof damage - 1)]; break;
            case 1: length = at; break;
            case 2: data[at] = g_rand_int_range (rand, 1, 256); break;
            default: memmove (data + at, data + at + 1, length - at - 1); length--; break;
            }
        }

      cards = reach_vcard_parse (data, length, &error);
      if (cards == NULL)
        {
          g_assert_true (g_str_has_prefix (error->message, "line ") ||
                         g_error_matches (error, REACH_VCARD_ERROR, REACH_VCARD_ERROR_EMPTY));
          n_refused++;
          continue;
        }

      for (guint c = 0; c < cards->len; c++)
        {
          g_autoptr(ReachContact) contact = reach_vcard_card_to_contact (g_ptr_array_index (cards, c));

          if (contact != NULL)
            {
              g_assert_true (g_utf8_validate (contact->name, -1, NULL));
              g_assert_true (contact->notes == NULL || g_utf8_validate (contact->notes, -1, NULL));
            }
        }
      n_read++;
    }

  g_test_message ("%u read, %u refused", n_read, n_refused);
  /* both outcomes happen, or the damage was not doing anything */
  g_assert_cmpuint (n_read, >, 0);
  g_assert_cmpuint (n_refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/samples", test_samples);
  g_test_add_func ("/vcard/android-quoted-printable", test_android_quoted_printable);
  g_test_add_func ("/vcard/outlook-2003", test_outlook_2003);
  g_test_add_func ("/vcard/folding-and-escapes", test_folding_and_escapes);
  g_test_add_func ("/vcard/split-value", test_split_value);
  g_test_add_func ("/vcard/charset-and-photo", test_charset_and_photo);
  g_test_add_func ("/vcard/eight-bit", test_eight_bit);
  g_test_add_func ("/vcard/malformed", test_malformed);
  g_test_add_func ("/vcard/mutations", test_mutations);

  return g_test_run ();
}
