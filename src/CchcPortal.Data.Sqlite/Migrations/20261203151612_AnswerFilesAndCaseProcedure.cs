using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnswerFilesAndCaseProcedure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProcedureId",
                table: "QuestionCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "CaseAttachments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionCases_ProcedureId",
                table: "QuestionCases",
                column: "ProcedureId");

            migrationBuilder.AddForeignKey(
                name: "FK_QuestionCases_Procedures_ProcedureId",
                table: "QuestionCases",
                column: "ProcedureId",
                principalTable: "Procedures",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QuestionCases_Procedures_ProcedureId",
                table: "QuestionCases");

            migrationBuilder.DropIndex(
                name: "IX_QuestionCases_ProcedureId",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "ProcedureId",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "CaseAttachments");
        }
    }
}
