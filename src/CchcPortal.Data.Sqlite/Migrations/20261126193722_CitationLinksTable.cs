using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CitationLinksTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DocumentCitations_Documents_DocumentId",
                table: "DocumentCitations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_DocumentCitations",
                table: "DocumentCitations");

            migrationBuilder.RenameTable(
                name: "DocumentCitations",
                newName: "CitationLinks");

            migrationBuilder.RenameIndex(
                name: "IX_DocumentCitations_SourceKind_SourceId",
                table: "CitationLinks",
                newName: "IX_CitationLinks_SourceKind_SourceId");

            migrationBuilder.RenameIndex(
                name: "IX_DocumentCitations_Key",
                table: "CitationLinks",
                newName: "IX_CitationLinks_Key");

            migrationBuilder.RenameIndex(
                name: "IX_DocumentCitations_DocumentId",
                table: "CitationLinks",
                newName: "IX_CitationLinks_DocumentId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_CitationLinks",
                table: "CitationLinks",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_CitationLinks_Documents_DocumentId",
                table: "CitationLinks",
                column: "DocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CitationLinks_Documents_DocumentId",
                table: "CitationLinks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_CitationLinks",
                table: "CitationLinks");

            migrationBuilder.RenameTable(
                name: "CitationLinks",
                newName: "DocumentCitations");

            migrationBuilder.RenameIndex(
                name: "IX_CitationLinks_SourceKind_SourceId",
                table: "DocumentCitations",
                newName: "IX_DocumentCitations_SourceKind_SourceId");

            migrationBuilder.RenameIndex(
                name: "IX_CitationLinks_Key",
                table: "DocumentCitations",
                newName: "IX_DocumentCitations_Key");

            migrationBuilder.RenameIndex(
                name: "IX_CitationLinks_DocumentId",
                table: "DocumentCitations",
                newName: "IX_DocumentCitations_DocumentId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_DocumentCitations",
                table: "DocumentCitations",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_DocumentCitations_Documents_DocumentId",
                table: "DocumentCitations",
                column: "DocumentId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
