using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AnswerDue",
                table: "QuestionCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnswerHtml",
                table: "QuestionCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAt",
                table: "QuestionCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedAt",
                table: "QuestionCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftHtml",
                table: "QuestionCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DuplicateOfCode",
                table: "QuestionCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "QuestionCases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PublicContent",
                table: "QuestionCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RejectionReason",
                table: "QuestionCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedBy",
                table: "QuestionCases",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JobTitle",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnswerDue",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "AnswerHtml",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "DraftHtml",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "DuplicateOfCode",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "PublicContent",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "SignedBy",
                table: "QuestionCases");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "JobTitle",
                table: "AspNetUsers");
        }
    }
}
