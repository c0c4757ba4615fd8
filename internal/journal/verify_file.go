package journal

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/google/uuid"
)

// VerifyArchiveFile verifies the archive at path and tells the person at
// the terminal, in French then English, what holds or what fails first.
// The error is the failure, for the exit status.
func VerifyArchiveFile(path string, out io.Writer) error {
	rep, err := verifyPath(path)
	if err != nil {
		fmt.Fprintf(out, "ÉCHEC : %s\nFAILED: %s\n", failureFR(err), err)
		return err
	}
	ids := make([]string, 0, len(rep.Manifest.PublicKeys))
	for id := range rep.Manifest.PublicKeys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	keys := strings.Join(ids, ", ")
	fmt.Fprintf(out, "Archive intègre : %d écritures sur %d caisse(s), %d clôtures (%d recalculées), signées par la clé %s.\n",
		rep.Entries, len(rep.Manifest.Registers), rep.Closures, rep.ClosuresSummed, keys)
	fmt.Fprintf(out, "Archive sound: %d entries on %d register(s), %d closures (%d recomputed), signed with key %s.\n",
		rep.Entries, len(rep.Manifest.Registers), rep.Closures, rep.ClosuresSummed, keys)
	fmt.Fprintln(out, "Comparez l'empreinte de la clé à celle des réglages du salon. / Compare the key's fingerprint with the salon's settings page.")
	return nil
}

func verifyPath(path string) (Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return Report{}, &Failure{Reason: "cannot open the file: " + err.Error()}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Report{}, &Failure{Reason: "cannot read the file: " + err.Error()}
	}
	return VerifyArchive(f, st.Size())
}

// failureFR says in French which entry fails; the reason stays in English.
func failureFR(err error) string {
	f, ok := err.(*Failure)
	if !ok || f.Register == uuid.Nil {
		return "l'archive elle-même ne se vérifie pas (" + err.Error() + ")"
	}
	return fmt.Sprintf("la caisse %s, écriture n° %d, ne se vérifie pas (%s)", f.Register, f.Seq, f.Reason)
}
