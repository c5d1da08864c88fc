using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CchcPortal.Core.Search;

internal sealed class SearchIndexFailureConfiguration : IEntityTypeConfiguration<SearchIndexFailure>
{
    public void Configure(EntityTypeBuilder<SearchIndexFailure> b)
    {
        b.Property(f => f.DocumentKey).HasMaxLength(200).IsRequired();
        b.HasIndex(f => f.DocumentKey).IsUnique();
        b.Property(f => f.Kind).HasMaxLength(40).IsRequired();
        b.Property(f => f.Error).HasMaxLength(SearchIndexFailureLog.MaxErrorLength);
    }
}
