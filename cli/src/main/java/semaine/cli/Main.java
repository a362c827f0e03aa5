package semaine.cli;

/** Entry point of the {@code semaine} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("semaine");
  }
}
