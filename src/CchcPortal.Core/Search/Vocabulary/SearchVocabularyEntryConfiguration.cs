using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Search.Vocabulary;

internal sealed class SearchVocabularyEntryConfiguration : IEntityTypeConfiguration<SearchVocabularyEntry>
{
    public void Configure(EntityTypeBuilder<SearchVocabularyEntry> b)
    {
        b.Property(e => e.Key).HasMaxLength(SearchVocabularyEntry.MaxKey).IsRequired();
        b.HasIndex(e => e.Key).IsUnique();
        b.Property(e => e.Official).HasMaxLength(SearchVocabularyEntry.MaxOfficial).IsRequired();
        b.Property(e => e.Group).HasMaxLength(SearchVocabularyEntry.MaxGroup).IsRequired();
        b.Ignore(e => e.Officials);
    }
}
