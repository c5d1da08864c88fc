using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddIndices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionHtml = table.Column<string>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndexYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    TotalIsSumOfFields = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxTotal = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexYears", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexYears_IndexDefinitions_IndexDefinitionId",
                        column: x => x.IndexDefinitionId,
                        principalTable: "IndexDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", nullable: false),
                    MaxScore = table.Column<decimal>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexCriteria_IndexYears_IndexYearId",
                        column: x => x.IndexYearId,
                        principalTable: "IndexYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectSlug = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", nullable: true),
                    PublishedRank = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceName = table.Column<string>(type: "TEXT", nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    IsSampleData = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexResults_IndexYears_IndexYearId",
                        column: x => x.IndexYearId,
                        principalTable: "IndexYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndexScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndexResultId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndexScores_IndexResults_IndexResultId",
                        column: x => x.IndexResultId,
                        principalTable: "IndexResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndexCriteria_IndexYearId_Code",
                table: "IndexCriteria",
                columns: new[] { "IndexYearId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexDefinitions_Code",
                table: "IndexDefinitions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_IndexYearId_Scope_SubjectSlug",
                table: "IndexResults",
                columns: new[] { "IndexYearId", "Scope", "SubjectSlug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndexResults_SubjectSlug",
                table: "IndexResults",
                column: "SubjectSlug");

            migrationBuilder.CreateIndex(
                name: "IX_IndexScores_IndexResultId",
                table: "IndexScores",
                column: "IndexResultId");

            migrationBuilder.CreateIndex(
                name: "IX_IndexYears_IndexDefinitionId_Year",
                table: "IndexYears",
                columns: new[] { "IndexDefinitionId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexCriteria");

            migrationBuilder.DropTable(
                name: "IndexScores");

            migrationBuilder.DropTable(
                name: "IndexResults");

            migrationBuilder.DropTable(
                name: "IndexYears");

            migrationBuilder.DropTable(
                name: "IndexDefinitions");
        }
    }
}
