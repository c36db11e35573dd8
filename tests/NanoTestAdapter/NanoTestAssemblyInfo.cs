using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// The xunit test assembly as discovery sees it: its own types plus the types of every nano
    /// test assembly it names with <see cref="NanoTestAssemblyAttribute"/>.
    /// </summary>
    internal sealed class NanoTestAssemblyInfo : IReflectionAssemblyInfo
    {
        private readonly IAssemblyInfo _host;
        private readonly Assembly[] _nanoAssemblies;

        public NanoTestAssemblyInfo(IAssemblyInfo host)
        {
            _host = host;
            _nanoAssemblies = host
                .GetCustomAttributes(typeof(NanoTestAssemblyAttribute).AssemblyQualifiedName)
                .Select(a => Assembly.Load(new AssemblyName((string)a.GetConstructorArguments().Single())))
                .ToArray();
        }

        // Implementing IReflectionAssemblyInfo matters: xunit derives test case IDs from the short
        // assembly name when it can reach the Assembly, and a deserialized case always can.
        public Assembly Assembly => ((IReflectionAssemblyInfo)_host).Assembly;

        public string AssemblyPath => _host.AssemblyPath;

        public string Name => _host.Name;

        public IEnumerable<IAttributeInfo> GetCustomAttributes(string assemblyQualifiedAttributeTypeName)
        {
            return _host.GetCustomAttributes(assemblyQualifiedAttributeTypeName);
        }

        public ITypeInfo GetType(string typeName)
        {
            ITypeInfo own = _host.GetType(typeName);
            if (own != null)
            {
                return own;
            }

            foreach (Assembly assembly in _nanoAssemblies)
            {
                Type type = assembly.GetType(typeName);
                if (type != null)
                {
                    return Reflector.Wrap(type);
                }
            }

            return null;
        }

        public IEnumerable<ITypeInfo> GetTypes(bool includePrivateTypes)
        {
            IEnumerable<ITypeInfo> nanoTypes = _nanoAssemblies
                .SelectMany(a => includePrivateTypes ? a.GetTypes() : a.GetExportedTypes())
                .Select(t => (ITypeInfo)Reflector.Wrap(t));
            return _host.GetTypes(includePrivateTypes).Concat(nanoTypes);
        }
    }
}
