using System;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// One run of one nano test class: its [Setup] methods run once before anything else and its
    /// [Cleanup] methods once after, as on the device. A skip in Setup skips every other case of
    /// the class, Cleanup included; any other Setup failure is reported on the Setup case and the
    /// tests still run (the device launcher does the same).
    /// </summary>
    internal sealed class NanoClassRun
    {
        private readonly MethodInfo[] _setupMethods;
        private readonly MethodInfo[] _cleanupMethods;
        private readonly object _gate = new object();
        private bool _setupRan;
        private Exception _setupOutcome;
        private bool _cleanupRan;

        public NanoClassRun(Type testClass)
        {
            MethodInfo[] methods = testClass.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .OrderBy(m => m.MetadataToken).ToArray();
            _setupMethods = methods.Where(m => m.IsDefined(typeof(SetupAttribute), false)).ToArray();
            _cleanupMethods = methods.Where(m => m.IsDefined(typeof(CleanupAttribute), false)).ToArray();
        }

        /// <summary>Why the class's other cases are skipped, or null.</summary>
        public string ClassSkipReason
        {
            get
            {
                lock (_gate)
                {
                    return _setupOutcome is SkipTestException skip ? "Skipped in Setup: " + skip.Message : null;
                }
            }
        }

        /// <summary>Runs Setup if it has not run yet; otherwise rethrows what it threw (for the Setup case's report).</summary>
        public void RunSetup()
        {
            lock (_gate)
            {
                if (!_setupRan)
                {
                    _setupRan = true;
                    _setupOutcome = InvokeAll(_setupMethods);
                }

                if (_setupOutcome != null)
                {
                    throw _setupOutcome;
                }
            }
        }

        /// <summary>Runs Setup if nothing has run it yet, without reporting its outcome.</summary>
        public void EnsureSetupRan()
        {
            lock (_gate)
            {
                if (!_setupRan)
                {
                    _setupRan = true;
                    _setupOutcome = InvokeAll(_setupMethods);
                }
            }
        }

        /// <summary>Runs Cleanup now (the Cleanup case); throws what it threw.</summary>
        public void RunCleanup()
        {
            Exception failure;
            lock (_gate)
            {
                _cleanupRan = true;
                failure = InvokeAll(_cleanupMethods);
            }

            if (failure != null)
            {
                throw failure;
            }
        }

        /// <summary>Runs Cleanup at the end of the class if no Cleanup case ran it; returns its failure.</summary>
        public Exception EnsureCleanupRan()
        {
            lock (_gate)
            {
                if (_cleanupRan || !_setupRan || ClassSkipReason != null)
                {
                    return null;
                }

                _cleanupRan = true;
                Exception failure = InvokeAll(_cleanupMethods);
                return failure is SkipTestException ? null : failure;
            }
        }

        private static Exception InvokeAll(MethodInfo[] methods)
        {
            foreach (MethodInfo method in methods)
            {
                try
                {
                    method.Invoke(null, null);
                }
                catch (TargetInvocationException e)
                {
                    return e.InnerException ?? e;
                }
            }

            return null;
        }
    }
}
