using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// Finds nanoFramework test classes the way the device launcher does: a class carrying exactly
    /// <see cref="TestClassAttribute"/>; its public [Setup], [TestMethod], [DataRow] and [Cleanup]
    /// methods. A method with both [TestMethod] and [DataRow] runs once per row only. Methods the
    /// launcher could not run as intended (not static, not public) become failing cases, so a test
    /// that would silently vanish on the device fails loudly here.
    /// </summary>
    internal sealed class NanoTestDiscoverer : XunitTestFrameworkDiscoverer
    {
        public NanoTestDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
            : base(assemblyInfo, sourceProvider, diagnosticMessageSink)
        {
        }

        public static bool IsNanoTestClass(Type type)
        {
            return type.IsClass && type.GetCustomAttributes(false).Any(a => a.GetType() == typeof(TestClassAttribute));
        }

        protected override bool FindTestsForType(ITestClass testClass, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            Type type = testClass.Class.ToRuntimeType();
            if (type == null || !IsNanoTestClass(type))
            {
                return base.FindTestsForType(testClass, includeSourceInformation, messageBus, discoveryOptions);
            }

            TestMethodDisplay display = discoveryOptions.MethodDisplayOrDefault();
            TestMethodDisplayOptions displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
            foreach (NanoTestCase testCase in CreateTestCases(testClass, type, display, displayOptions))
            {
                if (!ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus))
                {
                    return false;
                }
            }

            return true;
        }

        private IEnumerable<NanoTestCase> CreateTestCases(ITestClass testClass, Type type, TestMethodDisplay display, TestMethodDisplayOptions displayOptions)
        {
            const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            foreach (MethodInfo method in type.GetMethods(Declared).OrderBy(m => m.MetadataToken))
            {
                bool isSetup = method.IsDefined(typeof(SetupAttribute), false);
                bool isCleanup = method.IsDefined(typeof(CleanupAttribute), false);
                bool isTestMethod = method.IsDefined(typeof(TestMethodAttribute), false);
                DataRowAttribute[] rows = method.GetCustomAttributes(typeof(DataRowAttribute), false).Cast<DataRowAttribute>().ToArray();
                if (!isSetup && !isCleanup && !isTestMethod && rows.Length == 0)
                {
                    continue;
                }

                ITestMethod testMethod = new TestMethod(testClass, Reflector.Wrap(method));
                string problem = DescribeProblem(method);
                if (problem != null)
                {
                    yield return NanoTestCase.CreateInvalid(display, displayOptions, testMethod, problem);
                    continue;
                }

                if (isSetup)
                {
                    yield return new NanoTestCase(display, displayOptions, testMethod, NanoTestKind.Setup, -1, null);
                }

                if (rows.Length > 0)
                {
                    for (int row = 0; row < rows.Length; row++)
                    {
                        yield return new NanoTestCase(display, displayOptions, testMethod, NanoTestKind.DataRow, row, rows[row].MethodParameters);
                    }
                }
                else if (isTestMethod)
                {
                    yield return new NanoTestCase(display, displayOptions, testMethod, NanoTestKind.TestMethod, -1, null);
                }

                if (isCleanup)
                {
                    yield return new NanoTestCase(display, displayOptions, testMethod, NanoTestKind.Cleanup, -1, null);
                }
            }
        }

        private static string DescribeProblem(MethodInfo method)
        {
            if (!method.IsPublic)
            {
                return "nanoFramework test methods must be public: the device launcher only sees public methods, so this one would never run there.";
            }

            if (!method.IsStatic)
            {
                return "nanoFramework test methods must be static: the device launcher invokes them without creating an instance.";
            }

            return null;
        }
    }
}
