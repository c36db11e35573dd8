using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest"/>; the runner reports the test as skipped.</summary>
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}

namespace TestFrameworkShared
{
    /// <summary>Thrown by every failing assertion. Note the namespace: it is not nanoFramework.TestFramework.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }

        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        public AssertFailedException()
        {
        }
    }
}
