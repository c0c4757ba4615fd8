package urls

import "github.com/google/uuid"

// Clients is the client list, and where a new client posts.
func Clients() string { return "/app/clients" }

// ClientNew is the form for a new client.
func ClientNew() string { return Clients() + "/new" }

// ClientCategories lists client categories, and where a new one posts.
func ClientCategories() string { return Clients() + "/categories" }

// ClientCategory is where a client category's changes post.
func ClientCategory(id uuid.UUID) string { return ClientCategories() + "/" + id.String() }

// ClientCategoryDelete deletes a client category.
func ClientCategoryDelete(id uuid.UUID) string { return ClientCategory(id) + "/delete" }

// ClientReport is the clients' report.
func ClientReport() string { return Clients() + "/report" }

// ClientImport uploads a file of clients.
func ClientImport() string { return Clients() + "/import" }

// ClientImportConfirm imports the checked file.
func ClientImportConfirm() string { return ClientImport() + "/confirm" }

// Client is a client's record, and where its changes post.
func Client(id uuid.UUID) string { return Clients() + "/" + id.String() }

// ClientEdit is the form to change a client.
func ClientEdit(id uuid.UUID) string { return Client(id) + "/edit" }

// ClientLedger adds an entry to the client's balance.
func ClientLedger(id uuid.UUID) string { return Client(id) + "/ledger" }

// ClientExport downloads everything kept on a client.
func ClientExport(id uuid.UUID) string { return Client(id) + "/export" }

// ClientErase erases a client.
func ClientErase(id uuid.UUID) string { return Client(id) + "/erase" }

// ClientMerge merges a duplicate into the client.
func ClientMerge(id uuid.UUID) string { return Client(id) + "/merge" }

// ClientPortal sends the client a link to their account.
func ClientPortal(id uuid.UUID) string { return Client(id) + "/portal" }

// ClientSheets is where a new technical sheet posts.
func ClientSheets(id uuid.UUID) string { return Client(id) + "/sheets" }

// ClientSheetNew is the form for a new technical sheet.
func ClientSheetNew(id uuid.UUID) string { return ClientSheets(id) + "/new" }

// ClientMessages sends the client a message.
func ClientMessages(id uuid.UUID) string { return Client(id) + "/messages" }

// Sheet is a technical sheet, and where its changes post.
func Sheet(id uuid.UUID) string { return "/app/sheets/" + id.String() }

// SheetDelete deletes a technical sheet.
func SheetDelete(id uuid.UUID) string { return Sheet(id) + "/delete" }

// SheetPrint is a technical sheet's printable page.
func SheetPrint(id uuid.UUID) string { return Sheet(id) + "/print" }
