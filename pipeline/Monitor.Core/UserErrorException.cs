namespace Monitor.Core;

/// <summary>Bad input the user can fix (a file, a setting, a data directory): the message names the input and what is
/// wrong, one line per problem, in Vietnamese. The CLI prints it without a stack trace and exits with code 2; any other
/// exception is a bug and keeps its stack trace.</summary>
public class UserErrorException(string message, Exception? inner = null) : Exception(message, inner);
