using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace InterfaceFirmware.HostTests.Gates
{
    /// <summary>
    /// The public surface of a reference assembly in the allowlist's notation (types, methods
    /// including accessors and constructors, fields), read from its metadata: what code compiled
    /// against it can bind to. Members are keyed by their declaring type; <see cref="Has"/> also
    /// looks through base types, since a call binds to an inherited member as well.
    /// </summary>
    public sealed class MscorlibSurface
    {
        private readonly HashSet<string> _types = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _baseTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _genericTypes = new HashSet<string>(StringComparer.Ordinal);

        public IReadOnlyCollection<string> Types => _types;

        public IReadOnlyCollection<string> Members => _members;

        /// <summary>Generic types the assembly declares (nanoFramework 1.x compiles against them but cannot run them).</summary>
        public IReadOnlyCollection<string> GenericTypes => _genericTypes;

        /// <summary>nanoFramework.CoreLibrary's lib/mscorlib.dll in NuGet's global packages folder, as nfproj.device.targets finds it.</summary>
        public static string RestoredMscorlibPath()
        {
            string version = ProjectConsistency.ReadNanoPackages(RepoLayout.Path("nfproj.props"), new List<string>())["nanoFramework.CoreLibrary"].Version;
            string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(root))
            {
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }

            return Path.Combine(root, "nanoframework.corelibrary", version, "lib", "mscorlib.dll");
        }

        public static MscorlibSurface Read(string assemblyPath)
        {
            var surface = new MscorlibSurface();
            using FileStream stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var names = new SignatureNames(md);
            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if (!IsVisible(md, type))
                {
                    continue;
                }

                string typeName = MetadataNames.TypeName(md, handle);
                if (type.GetGenericParameters().Count > 0)
                {
                    surface._genericTypes.Add(typeName);
                    continue;
                }

                surface._types.Add(typeName);
                if (!type.BaseType.IsNil)
                {
                    surface._baseTypes[typeName] = BaseTypeName(md, type.BaseType);
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(methodHandle);
                    MethodAttributes access = method.Attributes & MethodAttributes.MemberAccessMask;
                    if ((access == MethodAttributes.Public || access == MethodAttributes.Family || access == MethodAttributes.FamORAssem)
                        && method.GetGenericParameters().Count == 0)
                    {
                        surface._members.Add(MetadataNames.MethodSignature(typeName, md.GetString(method.Name), method.DecodeSignature(names, null)));
                    }
                }

                foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
                {
                    FieldDefinition field = md.GetFieldDefinition(fieldHandle);
                    FieldAttributes access = field.Attributes & FieldAttributes.FieldAccessMask;
                    // constants (and enum values) are inlined by the compiler: code never references them
                    bool constant = (field.Attributes & (FieldAttributes.Literal | FieldAttributes.RTSpecialName)) != 0;
                    if (!constant && (access == FieldAttributes.Public || access == FieldAttributes.Family || access == FieldAttributes.FamORAssem))
                    {
                        surface._members.Add(MetadataNames.FieldSignature(typeName, md.GetString(field.Name), field.DecodeSignature(names, null)));
                    }
                }
            }

            return surface;
        }

        public bool HasType(string type) => _types.Contains(type);

        /// <summary>True when the member is declared on its type or inherited from a base type.</summary>
        public bool Has(string member)
        {
            int colons = member.IndexOf("::", StringComparison.Ordinal);
            string type = member.Substring(0, colons);
            string rest = member.Substring(colons);
            for (string current = type; current != null; current = _baseTypes.TryGetValue(current, out string next) ? next : null)
            {
                if (_members.Contains(current + rest))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsVisible(MetadataReader md, TypeDefinition type)
        {
            TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public)
            {
                return true;
            }

            return (visibility == TypeAttributes.NestedPublic || visibility == TypeAttributes.NestedFamily)
                && IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
        }

        private static string BaseTypeName(MetadataReader md, EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return MetadataNames.TypeName(md, (TypeDefinitionHandle)handle);
                case HandleKind.TypeReference:
                    return MetadataNames.TypeName(md, (TypeReferenceHandle)handle);
                default:
                    return null;
            }
        }
    }
}
